using BccExtensions;
using BccExtensions.Aspire;
using BccExtensions.Aspire.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds BCC clients the way Aspire client integrations add theirs: settings from <c>Aspire:Baidu:Bcc</c>, then
/// <c>Aspire:Baidu:Bcc:{name}</c>, then <c>ConnectionStrings:{name}</c>, then the delegates (the last one wins); a
/// health check, tracing and metrics by default. Unlike Aspire's integrations, bad settings stop the host at start.
/// </summary>
public static class AspireBccExtensions
{
    /// <summary>The section every client added here reads first.</summary>
    public const string DefaultConfigSectionName = "Aspire:Baidu:Bcc";

    /// <summary>
    /// Registers <see cref="IBccClient"/> (and its sub-clients) as singletons, configured from the connection string
    /// <c>ConnectionStrings:{connectionName}</c> and the <c>Aspire:Baidu:Bcc</c> sections, with a health check named
    /// <c>Bcc</c>, the client's spans and its metrics.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="connectionName">The connection string's name (an AppHost resource's name); also the name of its settings section.</param>
    /// <param name="configureSettings">Changes the integration's settings after configuration is read.</param>
    /// <param name="configureOptions">Changes the client's options after configuration and the connection string.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<BccClientSettings>? configureSettings = null,
        Action<BccOptions>? configureOptions = null) =>
        Add(builder, connectionName, serviceKey: null, configureSettings, configureOptions);

    /// <summary>
    /// Registers a keyed <see cref="IBccClient"/> (<c>[FromKeyedServices(name)]</c>, sub-clients too) and no unkeyed
    /// one, configured from <c>ConnectionStrings:{name}</c> and the <c>Aspire:Baidu:Bcc</c> sections, with a health
    /// check named <c>Bcc_{name}</c>, the client's spans and its metrics.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="name">The service key, the connection string's name and the name of its settings section.</param>
    /// <param name="configureSettings">Changes the integration's settings after configuration is read.</param>
    /// <param name="configureOptions">Changes the client's options after configuration and the connection string.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddKeyedBccClient(
        this IHostApplicationBuilder builder,
        string name,
        Action<BccClientSettings>? configureSettings = null,
        Action<BccOptions>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Add(builder, name, serviceKey: name, configureSettings, configureOptions);
    }

    private static IBccClientBuilder Add(
        IHostApplicationBuilder builder,
        string connectionName,
        string? serviceKey,
        Action<BccClientSettings>? configureSettings,
        Action<BccOptions>? configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        IConfigurationSection baseSection = builder.Configuration.GetSection(DefaultConfigSectionName);
        IConfigurationSection namedSection = baseSection.GetSection(connectionName);

        var settings = new BccClientSettings();
        baseSection.Bind(settings);
        namedSection.Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);
        BccConnectionString parsed = BccConnectionString.Parse(settings.ConnectionString, "ConnectionStrings:" + connectionName);

        string registration = serviceKey ?? Options.Options.DefaultName;
        IBccClientBuilder client = BccServiceCollectionExtensions.AddBccClient(
            builder.Services,
            registration,
            options =>
            {
                baseSection.Bind(options);
                namedSection.Bind(options);
                parsed.ApplyTo(options);
                configureOptions?.Invoke(options);
            },
            namedSection.Path);
        ConnectionNameSet names = ConnectionNames(builder.Services);
        bool checksBase = names.Count == 0;
        names.Add(connectionName);
        builder.Services.AddSingleton<IValidateOptions<BccOptions>>(
            new AspireBccValidator(registration, checksBase ? baseSection : null, namedSection, parsed.Failures, names));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddBcc(serviceKey, o => o.Name = serviceKey is null ? "Bcc" : "Bcc_" + serviceKey);
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddBccInstrumentation());
        }

        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddBccInstrumentation());
        }

        return client;
    }

    // Every client's section sits under the base section, so the base's key check (made once, with the first client's
    // options) leaves all of them alone.
    private static ConnectionNameSet ConnectionNames(IServiceCollection services)
    {
        var names = services.Select(d => d.ImplementationInstance).OfType<ConnectionNameSet>().FirstOrDefault();
        if (names is null)
        {
            names = new ConnectionNameSet();
            services.AddSingleton(names);
        }

        return names;
    }

    private sealed class ConnectionNameSet() : HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
