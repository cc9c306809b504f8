using Aspire.Hosting.ApplicationModel;
using BccExtensions.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BccExtensions.Aspire.Hosting.Internal;

/// <summary>
/// Healthy when the emulator answers a signed zone list with its keys, through the endpoint its clients use: a
/// process that listens but refuses the keys is not ready. One client per emulator, made on the first check.
/// </summary>
internal sealed class BccEmulatorHealthCheck(BccEmulatorResource emulator) : IHealthCheck, IAsyncDisposable
{
    private ServiceProvider? _client;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!emulator.PrimaryEndpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("bcc-emulator has no endpoint yet.");
        }

        try
        {
            IReadOnlyList<BccZone> zones = await Client().Zones.ListAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"bcc-emulator answered a signed zone list ({zones.Count} zones).");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"bcc-emulator did not answer a signed zone list: {error.Message}", error);
        }
    }

    public ValueTask DisposeAsync() => _client?.DisposeAsync() ?? ValueTask.CompletedTask;

    private IBccClient Client()
    {
        if (_client is null)
        {
            var services = new ServiceCollection();
            services.AddBccClient(options =>
            {
                options.Endpoint = new Uri(emulator.PrimaryEndpoint.Url);
                options.AccessKeyId = emulator.AccessKeyId;
                options.SecretAccessKey = emulator.SecretAccessKey;
                options.DisableRetries = true; // the app host checks again soon enough
            });
            ServiceProvider built = services.BuildServiceProvider();
            if (Interlocked.CompareExchange(ref _client, built, null) is not null)
            {
                built.Dispose();
            }
        }

        return _client!.GetRequiredService<IBccClient>();
    }
}
