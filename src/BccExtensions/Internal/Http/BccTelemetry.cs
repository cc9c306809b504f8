using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BccExtensions.Internal.Http;

/// <summary>
/// The <c>BccExtensions</c> ActivitySource and Meter: a client span per operation (retries included) and the
/// operation duration histogram. Retries and circuit-breaker events come from the resilience handler's own telemetry.
/// </summary>
internal static class BccTelemetry
{
    public const string Name = "BccExtensions";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    /// <summary>Seconds from sending an operation until its answer, all attempts included.</summary>
    public static readonly Histogram<double> OperationDuration =
        s_meter.CreateHistogram<double>("bcc.client.operation.duration", unit: "s", description: "Duration of BCC operations, retries included.");
}
