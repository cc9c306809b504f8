namespace BccExtensions;

/// <summary>
/// An access key pair, optionally with an STS session token and its expiry. <see cref="ToString"/> never
/// prints the secret key or the token.
/// </summary>
public sealed class BceCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id (AK).</param>
    /// <param name="secretAccessKey">The secret access key (SK).</param>
    /// <param name="sessionToken">The STS session token that goes with temporary keys, or <see langword="null"/>.</param>
    /// <param name="expiration">When temporary keys stop working, or <see langword="null"/> for long-term keys.</param>
    /// <exception cref="ArgumentException">A key is empty or white space.</exception>
    public BceCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
    }

    /// <summary>Gets the access key id.</summary>
    public string AccessKeyId { get; }

    /// <summary>Gets the secret access key.</summary>
    public string SecretAccessKey { get; }

    /// <summary>Gets the STS session token, sent as <c>x-bce-security-token</c>, or <see langword="null"/>.</summary>
    public string? SessionToken { get; }

    /// <summary>Gets when these credentials expire, or <see langword="null"/> when they do not.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>Returns a description that names the access key id and hides the secrets.</summary>
    public override string ToString() =>
        $"BceCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")}, Expiration = {Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}
