namespace BccExtensions;

/// <summary>Configures bce-auth-v1 signing.</summary>
public sealed class BceSigningOptions
{
    /// <summary>The default signature validity, in seconds.</summary>
    public const int DefaultExpirationSeconds = 1800;

    /// <summary>Gets or sets how long a signature stays valid, in seconds. Defaults to 1800.</summary>
    public int ExpirationSeconds { get; set; } = DefaultExpirationSeconds;

    /// <summary>
    /// Gets or sets the headers to sign instead of the default <c>host</c>, <c>content-length</c>, <c>content-type</c>
    /// and <c>content-md5</c> (names in any case). <c>x-bce-*</c> headers are always signed. Empty means the default.
    /// </summary>
    public IList<string> HeadersToSign { get; set; } = [];
}
