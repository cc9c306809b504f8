using BccExtensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds BCC to an app's health checks.</summary>
public static class BccHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that makes one cheap signed call (ListZones) with the BCC client: Healthy when BCC answers in time;
    /// Degraded when it throttles or answers slowly; Unhealthy (or <see cref="BccHealthCheckOptions.FailureStatus"/>)
    /// when it refuses the credentials, fails or does not answer within <see cref="BccHealthCheckOptions.Timeout"/>.
    /// The report's data carry BCC's status code, error code and request id.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="clientName">The name given to <c>AddBccClient(name, ...)</c>, or null for the unnamed client.</param>
    /// <param name="configure">Sets the check's name, timeouts, failure status and tags.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddBcc(this IHealthChecksBuilder builder, string? clientName = null, Action<BccHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new BccHealthCheckOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, "BccHealthCheckOptions.Timeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DegradedAfter, TimeSpan.Zero, "BccHealthCheckOptions.DegradedAfter");

        string name = options.Name ?? (string.IsNullOrEmpty(clientName) ? "bcc" : "bcc:" + clientName);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new BccHealthCheck(
                string.IsNullOrEmpty(clientName) ? sp.GetRequiredService<IBccZonesClient>() : sp.GetRequiredKeyedService<IBccZonesClient>(clientName),
                options,
                sp.GetService<TimeProvider>() ?? TimeProvider.System),
            options.FailureStatus,
            [.. options.Tags]));
    }
}
