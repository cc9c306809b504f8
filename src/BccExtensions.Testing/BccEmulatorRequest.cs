namespace BccExtensions.Testing;

/// <summary>A request the emulator received, for assertions. Authorization and security tokens are not kept.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path as sent (percent-encoded).</param>
/// <param name="Query">The query as sent, without <c>?</c>.</param>
/// <param name="Headers">The headers, without <c>Authorization</c> and <c>x-bce-security-token</c>.</param>
/// <param name="ReceivedAt">The emulator's clock when it arrived.</param>
public sealed record BccEmulatorRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ReceivedAt)
{
    /// <summary>Gets the BCC or STS operation the request was for (<c>CreateInstanceBySpec</c>), or <see langword="null"/> when it matched none.</summary>
    public string? Operation { get; init; }

    /// <summary>Gets a query parameter's decoded value, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    public string? QueryValue(string name) => Internal.EmulatorAuthenticator.QueryValue(Query, name);
}
