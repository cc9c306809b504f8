using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BccExtensions;

/// <summary>How the BCC health check (<c>AddHealthChecks().AddBcc()</c>) probes and judges BCC.</summary>
public sealed class BccHealthCheckOptions
{
    /// <summary>Gets or sets the check's name in health reports; by default <c>bcc</c>, or <c>bcc:{client}</c> for a named client.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets how long the check waits for BCC's answer, retries included, before reporting
    /// <see cref="FailureStatus"/>. Shorter than the client's own timeouts, so a probe never hangs. Default 5 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the answer time above which BCC is reported <see cref="HealthStatus.Degraded"/>. Default 2 seconds.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the status reported when BCC refuses the credentials, fails, or does not answer in time.
    /// Default <see cref="HealthStatus.Unhealthy"/>; throttling and slow answers are always <see cref="HealthStatus.Degraded"/>.
    /// </summary>
    public HealthStatus FailureStatus { get; set; } = HealthStatus.Unhealthy;

    /// <summary>Gets the tags health endpoints filter by (e.g. <c>ready</c>).</summary>
    public IList<string> Tags { get; } = [];
}
