using Aspire.Hosting.ApplicationModel;
using BccExtensions.Aspire.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Adds bcc-emulator, a local BCC, to an Aspire app host: a process beside your projects, no container runtime needed.</summary>
public static class BccEmulatorBuilderExtensions
{
    private const string EmulatorAssembly = "BccEmulator.Host.dll";

    /// <summary>
    /// Adds bcc-emulator as a resource named <paramref name="name"/>. It runs as <c>dotnet BccEmulator.Host.dll</c>
    /// from the app host's output folder, is healthy once it answers a signed zone list, and gives projects that
    /// reference it (<c>WithReference</c>) the connection string <c>ConnectionStrings__{name}</c>, which
    /// <c>builder.AddBccClient(name)</c> reads with no other setting. It is left out of the publishing manifest:
    /// deployed apps talk to BCC itself.
    /// </summary>
    /// <param name="builder">The app host's builder.</param>
    /// <param name="name">The resource's name, also the connection string's name.</param>
    /// <param name="port">The port clients call it on; a free one when null (the emulator itself listens on a port the app host picks).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 1 to 65535.</exception>
    /// <exception cref="InvalidOperationException">The emulator's files are not in the app host's output folder.</exception>
    public static IResourceBuilder<BccEmulatorResource> AddBccEmulator(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The port must be from 1 to 65535, or null for a free one.");
        }

        string folder = EmulatorFolder();
        var emulator = new BccEmulatorResource(name, folder);
        string healthCheckKey = name + "_check";
        builder.Services.AddKeyedSingleton(healthCheckKey, (_, _) => new BccEmulatorHealthCheck(emulator));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            services => services.GetRequiredKeyedService<BccEmulatorHealthCheck>(healthCheckKey),
            failureStatus: null,
            tags: null));

        return builder.AddResource(emulator)
            .WithHttpEndpoint(port: port, name: BccEmulatorResource.EndpointName)
            .WithArgs(context =>
            {
                context.Args.Add(Path.Combine(folder, EmulatorAssembly));
                context.Args.Add("--port");
                context.Args.Add(emulator.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                if (emulator.SeedInstances > 0)
                {
                    context.Args.Add("--seed");
                    context.Args.Add(emulator.SeedInstances.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            })
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }

    /// <summary>Makes the emulator create <paramref name="instances"/> running instances, <c>demo-1</c> to <c>demo-n</c>, each time it starts.</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="instances">How many instances to create (0 for none).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instances"/> is negative.</exception>
    public static IResourceBuilder<BccEmulatorResource> WithSeedInstances(this IResourceBuilder<BccEmulatorResource> builder, int instances)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(instances);
        builder.Resource.SeedInstances = instances;
        return builder;
    }

    /// <summary>The folder holding bcc-emulator: this assembly's own (the build copies both into the app host's output folder).</summary>
    private static string EmulatorFolder()
    {
        string folder = Path.GetDirectoryName(typeof(BccEmulatorBuilderExtensions).Assembly.Location) is { Length: > 0 } here ? here : AppContext.BaseDirectory;
        string[] missing = [.. new[] { EmulatorAssembly, "BccEmulator.Host.runtimeconfig.json" }.Where(file => !File.Exists(Path.Combine(folder, file)))];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"bcc-emulator cannot run: {string.Join(" and ", missing)} not found in {folder}. Reference the BccExtensions.Aspire.Hosting package from the app host project itself, so that its build copies them there.");
        }

        return folder;
    }
}
