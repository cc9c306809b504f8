namespace BccExtensions;

/// <summary>
/// Configures rotating temporary credentials from Baidu STS. With <see cref="Enabled"/>, the long-term keys in
/// <see cref="BccOptions"/> only call STS; BCC requests are signed with the temporary keys and their session token.
/// </summary>
public sealed class BccStsOptions
{
    /// <summary>The default STS endpoint (STS is served from Beijing for every region).</summary>
    public static readonly Uri DefaultEndpoint = new("https://sts.bj.baidubce.com");

    /// <summary>Gets or sets whether BCC requests use rotating STS credentials.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the STS endpoint. Defaults to <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Gets or sets the account that owns <see cref="RoleName"/>; with it, AssumeRole is called instead of GetSessionToken.</summary>
    public string? AccountId { get; set; }

    /// <summary>Gets or sets the role to assume (with <see cref="AccountId"/>).</summary>
    public string? RoleName { get; set; }

    /// <summary>Gets or sets the optional user id passed to AssumeRole.</summary>
    public string? UserId { get; set; }

    /// <summary>
    /// Gets or sets the lifetime requested for temporary credentials, in seconds. Zero means STS's defaults:
    /// 43200 (12 h) for GetSessionToken, 7200 (2 h) for AssumeRole.
    /// </summary>
    public int DurationSeconds { get; set; }

    /// <summary>Gets or sets how long before expiry new credentials are fetched in the background. Defaults to 5 minutes.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets whether AssumeRole is used (both <see cref="AccountId"/> and <see cref="RoleName"/> are set).</summary>
    internal bool UsesAssumeRole => !string.IsNullOrWhiteSpace(AccountId) && !string.IsNullOrWhiteSpace(RoleName);

    /// <summary>Gets the duration to request, with STS's defaults applied.</summary>
    internal int EffectiveDurationSeconds => DurationSeconds > 0 ? DurationSeconds : UsesAssumeRole ? 7200 : 43200;
}
