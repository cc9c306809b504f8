using Microsoft.Extensions.Http.Resilience;

namespace BccExtensions;

/// <summary>
/// Configures a BCC client: where it connects, which keys sign its requests, and how it behaves on the wire.
/// Bound from a configuration section (conventionally <c>"Bcc"</c>) and validated at startup.
/// </summary>
public sealed class BccOptions
{
    /// <summary>The conventional configuration section name.</summary>
    public const string SectionName = "Bcc";

    /// <summary>
    /// Gets or sets the region id (<c>bj</c>, <c>gz</c>, <c>su</c>, <c>hkg</c>, <c>fwh</c>, <c>bd</c>, <c>sin</c>, <c>fsh</c>, <c>cd</c>);
    /// the endpoint is <c>https://bcc.{region}.baidubce.com</c>. Defaults to <c>bj</c>, as Baidu's SDKs do.
    /// </summary>
    public string? Region { get; set; } = "bj";

    /// <summary>
    /// Gets or sets the endpoint, overriding <see cref="Region"/>: an absolute <c>http</c>/<c>https</c> URI, or a host
    /// (with an optional port) that is reached over https.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the access key id (AK) of long-term credentials.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Gets or sets the secret access key (SK) of long-term credentials.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Gets or sets an STS session token to send with temporary keys given in <see cref="AccessKeyId"/>/<see cref="SecretAccessKey"/>.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Gets or sets rotating STS credentials obtained with the long-term keys.</summary>
    public BccStsOptions Sts { get; set; } = new();

    /// <summary>Gets or sets the outbound proxy.</summary>
    public BccProxyOptions Proxy { get; set; } = new();

    /// <summary>Gets or sets the signing options (signature validity, headers to sign).</summary>
    public BceSigningOptions Signing { get; set; } = new();

    /// <summary>
    /// Gets or sets the standard resilience options (rate limiter, total timeout, retry, circuit breaker, attempt timeout),
    /// the one object the client's pipeline is built from. Defaults follow Baidu's SDKs: 3 retries, exponential back-off
    /// from 300 ms up to 20 s. <c>Retry.ShouldHandle</c> is the client's own rule, set after your configuration: it
    /// retries only what cannot be done twice.
    /// </summary>
    public HttpStandardResilienceOptions Resilience { get; set; } = DefaultResilience();

    /// <summary>
    /// Gets or sets whether no request is ever retried (the counterpart of Baidu's <c>NoRetryPolicy</c>).
    /// The retry count, base delay and maximum delay are <see cref="Resilience"/>'s <c>Retry</c> settings.
    /// </summary>
    public bool DisableRetries { get; set; }

    /// <summary>Gets or sets how long establishing a connection may take. Defaults to 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the maximum number of concurrent connections to the endpoint. Defaults to unlimited.</summary>
    public int MaxConnectionsPerServer { get; set; } = int.MaxValue;

    /// <summary>Gets or sets text appended to the default User-Agent <c>BccExtensions/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;os&gt;)</c>.</summary>
    public string? UserAgent { get; set; }

    private static HttpStandardResilienceOptions DefaultResilience()
    {
        var options = new HttpStandardResilienceOptions();
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(20);
        options.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        return options;
    }
}
