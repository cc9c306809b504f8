using BccExtensions.Internal.Signing;
namespace BccExtensions.Tests.Helpers;

/// <summary>Runs the signer on decoded inputs the way the client sends them: encoded once, then signed from the wire form.</summary>
internal static class SignerHarness
{
    public sealed record Result(string Authorization, string CanonicalRequest, string SigningKey);

    public static Result Sign(
        string method,
        string decodedPath,
        IEnumerable<KeyValuePair<string, string?>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string accessKeyId,
        string secretAccessKey,
        string timestamp,
        int expirationSeconds,
        IList<string>? headersToSign = null,
        string? sessionToken = null)
    {
        string path = BceUriEncoder.Encode(decodedPath, keepSlash: true);
        string wireQuery = string.Join('&', query.Select(p =>
            BceUriEncoder.Encode(p.Key, keepSlash: false) + (p.Value is null ? string.Empty : "=" + BceUriEncoder.Encode(p.Value, keepSlash: false))));

        var signed = new List<BceHeader>();
        IEnumerable<KeyValuePair<string, string>> all = sessionToken is null
            ? headers
            : headers.Append(new("x-bce-security-token", sessionToken));
        foreach ((string name, string value) in all)
        {
            string lower = BceHeader.LowerName(name);
            if (BceHeader.IsSigned(lower, headersToSign) && value.Trim().Length > 0)
            {
                signed.Add(new BceHeader(lower, value.Trim()));
            }
        }

        var canonical = new PooledCharBuilder(64);
        var prefix = new PooledCharBuilder(64);
        try
        {
            BceSigner.WriteCanonicalRequest(ref canonical, method, path, wireQuery, signed.ToArray());
            BceSigner.WriteAuthPrefix(ref prefix, accessKeyId, timestamp, expirationSeconds);
            char[] signingKey = new char[64];
            BceSigner.WriteSigningKey(secretAccessKey, prefix.AsSpan(), signingKey);
            string authorization = BceSigner.Sign(method, path, wireQuery, signed.ToArray(), accessKeyId, secretAccessKey, timestamp, expirationSeconds);
            return new Result(authorization, canonical.AsSpan().ToString(), new string(signingKey));
        }
        finally
        {
            canonical.Dispose();
            prefix.Dispose();
        }
    }

    public static Result Sign(SigningVector v) =>
        Sign(v.Method, v.Path, v.Query, v.Headers, v.AccessKeyId, v.SecretAccessKey, v.Timestamp, v.ExpirationSeconds, v.HeadersToSign, v.SessionToken);
}
