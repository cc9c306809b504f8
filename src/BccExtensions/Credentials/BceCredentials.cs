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
    /// <exception cref="ArgumentException">
    /// A key is empty or white space, or a key or the token has a character other than printable ASCII: a CR or LF
    /// would end the header it travels in and start another. The message names the parameter, never the value.
    /// </exception>
    public BceCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        ThrowIfNotPrintableAscii(accessKeyId, nameof(accessKeyId));
        ThrowIfNotPrintableAscii(secretAccessKey, nameof(secretAccessKey));
        ThrowIfNotPrintableAscii(sessionToken, nameof(sessionToken));
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
    }

    /// <summary>Gets the access key id (AK): it names the key and travels in clear text in every Authorization header.</summary>
    public string AccessKeyId { get; }

    /// <summary>Gets the secret access key (SK): it derives the signing key and never leaves the process.</summary>
    public string SecretAccessKey { get; }

    /// <summary>Gets the STS session token, sent as <c>x-bce-security-token</c>, or <see langword="null"/>.</summary>
    public string? SessionToken { get; }

    /// <summary>Gets when these credentials expire, or <see langword="null"/> when they do not.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>
    /// Describes the first character of a key or token that is not printable ASCII (<c>!</c> to <c>~</c>), by kind and
    /// position and never by value, or returns <see langword="null"/> when there is none.
    /// </summary>
    internal static string? FindUnprintable(string? value)
    {
        int index = value is null ? -1 : value.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (index < 0)
        {
            return null;
        }

        char c = value![index];
        string kind = c is '\r' or '\n' ? "a line break" : char.IsControl(c) ? "a control character" : c == ' ' ? "a space" : "a non-ASCII character";
        return $"has {kind} at position {index + 1}; BCE keys and tokens are printable ASCII";
    }

    private static void ThrowIfNotPrintableAscii(string? value, string parameterName)
    {
        if (FindUnprintable(value) is { } problem)
        {
            throw new ArgumentException($"The {parameterName} {problem}.", parameterName);
        }
    }

    /// <summary>Returns a description that names the access key id and hides the secrets.</summary>
    public override string ToString() =>
        $"BceCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")}, Expiration = {Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";
}
