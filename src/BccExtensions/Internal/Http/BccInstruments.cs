using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BccExtensions.Internal.Http;

/// <summary>
/// The <c>BccExtensions</c> ActivitySource and Meter (<see cref="BccTelemetry"/>): a client span per operation
/// (retries included), the operation duration histogram, the attempts counter, the resilience events counter and the
/// credential refresh counter.
/// </summary>
internal static class BccInstruments
{
    /// <summary>The <c>rpc.system</c> of every span and measurement: Baidu AI Cloud's (BCE) API.</summary>
    public const string RpcSystem = "baidu_bce";

    public static readonly ActivitySource Source = new(BccTelemetry.ActivitySourceName);

    private static readonly Meter s_meter = new(BccTelemetry.MeterName);

    /// <summary>Seconds from sending an operation until its answer, all attempts included.</summary>
    public static readonly Histogram<double> OperationDuration =
        s_meter.CreateHistogram<double>("bcc.client.operation.duration", unit: "s", description: "Duration of BCC operations, retries included.");

    /// <summary>
    /// Requests sent for operations: each operation adds its first attempt with <c>bcc.retry</c> = false and its
    /// retries with <c>bcc.retry</c> = true, so the retry rate is a ratio of one instrument.
    /// </summary>
    public static readonly Counter<long> Attempts =
        s_meter.CreateCounter<long>("bcc.client.operation.attempts", unit: "{attempt}", description: "Requests sent for BCC operations; bcc.retry = true counts retries.");

    /// <summary>
    /// Resilience events (retries, timeouts, circuit transitions, rate-limiter refusals), tagged with the operation,
    /// <c>event.name</c> and <c>event.severity</c> (<see cref="BccResilienceTelemetry"/>).
    /// </summary>
    public static readonly Counter<long> ResilienceEvents =
        s_meter.CreateCounter<long>("bcc.client.resilience.events", unit: "{event}", description: "Retries, timeouts, circuit transitions and rate-limiter refusals of BCC calls.");

    /// <summary>STS credential refreshes, tagged <c>outcome</c> = <c>success</c> or <c>failure</c>.</summary>
    public static readonly Counter<long> CredentialRefreshes =
        s_meter.CreateCounter<long>("bcc.client.credential.refreshes", unit: "{refresh}", description: "STS credential refreshes, by outcome.");
}
