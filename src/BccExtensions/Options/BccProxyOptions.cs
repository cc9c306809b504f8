namespace BccExtensions;

/// <summary>Configures the outbound HTTP proxy.</summary>
public sealed class BccProxyOptions
{
    /// <summary>
    /// Gets or sets the proxy address: <c>http://host:port</c>, or <c>host:port</c> as Baidu's Go SDK examples write it.
    /// Empty means HttpClient's default: the system proxy (e.g. <c>HTTPS_PROXY</c>).
    /// </summary>
    public string? Address { get; set; }

    /// <summary>Gets or sets the proxy user name.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the proxy password.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets whether local addresses bypass the proxy.</summary>
    public bool BypassOnLocal { get; set; }

    /// <summary>Gets or sets regular expressions of hosts that bypass the proxy.</summary>
    public IList<string> BypassList { get; set; } = [];
}
