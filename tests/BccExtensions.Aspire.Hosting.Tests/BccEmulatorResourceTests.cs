using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using BccExtensions.Aspire.Hosting.Internal;
using BccExtensions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BccExtensions.Aspire.Hosting.Tests;

/// <summary>The resource as the app model holds it, and its health check against an emulator in this process.</summary>
public sealed class BccEmulatorResourceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void AddBccEmulator_PortOutOfRange_IsRefusedNamingThePort(int port)
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder();

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBccEmulator("bcc", port));

        Assert.Equal("port", error.ParamName);
    }

    [Fact]
    public void WithSeedInstances_Negative_IsRefused()
    {
        IResourceBuilder<BccEmulatorResource> bcc = DistributedApplication.CreateBuilder().AddBccEmulator("bcc");

        Assert.Throws<ArgumentOutOfRangeException>(() => bcc.WithSeedInstances(-1));
    }

    [Fact]
    public void AddBccEmulator_TheModel_AProcessOnTheAppHostsOutputWithHealthAnEndpointAndNoManifestEntry()
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder();

        BccEmulatorResource bcc = builder.AddBccEmulator("bcc", port: 18080).WithSeedInstances(3).Resource;

        Assert.Equal("dotnet", bcc.Command);
        Assert.True(File.Exists(Path.Combine(bcc.WorkingDirectory, "BccEmulator.Host.dll")));
        Assert.Equal(
            $"Endpoint={{bcc.bindings.http.url}};AccessKeyId={BccEmulatorOptions.DefaultAccessKeyId};SecretAccessKey={BccEmulatorOptions.DefaultSecretAccessKey}",
            bcc.ConnectionStringExpression.ValueExpression);
        EndpointAnnotation endpoint = Assert.Single(bcc.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("http", 18080), (endpoint.UriScheme, endpoint.Port));
        Assert.Equal("bcc_check", Assert.Single(bcc.Annotations.OfType<HealthCheckAnnotation>()).Key);
        Assert.Same(ManifestPublishingCallbackAnnotation.Ignore, bcc.Annotations.OfType<ManifestPublishingCallbackAnnotation>().Last());
        Assert.Equal(3, bcc.SeedInstances);
        Assert.Equal(["Uri", "AccessKeyId", "SecretAccessKey"], bcc.GetConnectionProperties().Select(property => property.Key));
    }

    [Fact]
    public async Task HealthCheck_BeforeTheEndpointIsAllocated_Unhealthy()
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder();
        BccEmulatorResource bcc = builder.AddBccEmulator("bcc").Resource;
        await using var check = new BccEmulatorHealthCheck(bcc);

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("bcc-emulator has no endpoint yet.", result.Description);
    }

    [Fact]
    public async Task HealthCheck_AnEmulatorThatAcceptsTheKeys_HealthyWithTheZoneCount()
    {
        await using BccEmulator emulator = await BccEmulator.StartAsync();
        await using var check = new BccEmulatorHealthCheck(Allocated(emulator.Endpoint));

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("bcc-emulator answered a signed zone list (5 zones).", result.Description);
    }

    [Fact]
    public async Task HealthCheck_AServerThatRefusesTheKeys_UnhealthyWithBccsAnswer()
    {
        await using BccEmulator emulator = await BccEmulator.StartAsync(new BccEmulatorOptions
        {
            AccessKeyId = "OTHERAK0000000000000000000000001",
            SecretAccessKey = "othersk00000000000000000000000001",
        });
        await using var check = new BccEmulatorHealthCheck(Allocated(emulator.Endpoint));

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("bcc-emulator did not answer a signed zone list: ", result.Description, StringComparison.Ordinal);
        Assert.IsAssignableFrom<BccServiceException>(result.Exception);
        Assert.DoesNotContain(BccEmulatorOptions.DefaultSecretAccessKey, result.Description, StringComparison.Ordinal);
    }

    /// <summary>The resource with its endpoint allocated on <paramref name="endpoint"/>, as the app host does at start.</summary>
    private static BccEmulatorResource Allocated(Uri endpoint)
    {
        BccEmulatorResource bcc = DistributedApplication.CreateBuilder().AddBccEmulator("bcc").Resource;
        EndpointAnnotation annotation = bcc.Annotations.OfType<EndpointAnnotation>().Single();
        annotation.AllocatedEndpoint = new AllocatedEndpoint(annotation, endpoint.Host, endpoint.Port);
        return bcc;
    }
}
