using BccExtensions;

namespace OpenTelemetry.Metrics;

/// <summary>Adds the BCC client's instruments to OpenTelemetry metrics.</summary>
public static class BccMeterProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <see cref="BccTelemetry.MeterName"/> meter: operation durations, attempts and STS refreshes
    /// (docs/observability.md lists the instruments and their attributes).
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static MeterProviderBuilder AddBccInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(BccTelemetry.MeterName);
    }
}
