using BccExtensions;

namespace OpenTelemetry.Trace;

/// <summary>Adds the BCC client's spans to OpenTelemetry tracing.</summary>
public static class BccTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <see cref="BccTelemetry.ActivitySourceName"/> activity source: one client span per BCC
    /// operation (<c>BCC/{operation}</c>, docs/observability.md lists its attributes).
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TracerProviderBuilder AddBccInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(BccTelemetry.ActivitySourceName);
    }
}
