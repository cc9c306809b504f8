namespace BccExtensions;

/// <summary>
/// The names to subscribe to for BccExtensions' telemetry and logs, so nobody types them as strings:
/// <c>tracing.AddSource(BccTelemetry.ActivitySourceName)</c>, <c>metrics.AddMeter(BccTelemetry.MeterName)</c>.
/// Spans and metrics follow OpenTelemetry's RPC conventions (docs/observability.md).
/// </summary>
public static class BccTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the client spans: one per operation, retries included.</summary>
    public const string ActivitySourceName = "BccExtensions";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the operation duration and credential refresh instruments.</summary>
    public const string MeterName = "BccExtensions";

    /// <summary>The logger category of the library's own log lines (requests, clock skew, STS, answer repairs).</summary>
    public const string LoggerCategory = "BccExtensions";
}
