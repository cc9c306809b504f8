using BccExtensions.Models;
using Microsoft.Extensions.Options;

namespace BccExtensions.Sample;

/// <summary>A singleton background worker with an injected <see cref="IBccClient"/>: logs the fleet by status.</summary>
internal sealed partial class FleetReporter(IBccClient bcc, IOptions<FleetReporterOptions> options, TimeProvider timeProvider, ILogger<FleetReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReportInterval, timeProvider);
        do
        {
            try
            {
                var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
                await foreach (BccInstance instance in bcc.Instances.ListAsync(cancellationToken: stoppingToken))
                {
                    byStatus[instance.Status.Value] = byStatus.GetValueOrDefault(instance.Status.Value) + 1;
                }

                LogFleet(logger, byStatus.Values.Sum(), string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}")));
            }
            catch (Exception e) when (e is BccServiceException or HttpRequestException or BceCredentialException)
            {
                LogFleetFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(1, LogLevel.Information, "Fleet: {Total} instance(s) ({ByStatus})")]
    private static partial void LogFleet(ILogger logger, int total, string byStatus);

    [LoggerMessage(2, LogLevel.Warning, "Could not list the fleet")]
    private static partial void LogFleetFailed(ILogger logger, Exception exception);
}
