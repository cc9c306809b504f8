using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// bce-auth-v1 as a verifier computes it, written plainly and apart from the client library's signer, so the
/// emulator is a second, independent check of every client (this library's included). Pinned by the same signing
/// vectors as the client.
/// </summary>
internal static class EmulatorSigner
{
    public const string AuthVersion = "bce-auth-v1";

    /// <summary>
    /// Computes the hex signature of a request as it arrived: path and query in their wire form, the signed headers
    /// with their values as received, and the auth prefix <c>bce-auth-v1/{ak}/{timestamp}/{expiration}</c>.
    /// </summary>
    public static string Signature(string method, string rawPath, string rawQuery, IEnumerable<KeyValuePair<string, string>> headers, string secretAccessKey, string authPrefix)
    {
        string canonical = string.Join('\n', method.ToUpperInvariant(), CanonicalUri(rawPath), CanonicalQuery(rawQuery), CanonicalHeaders(headers));
        string signingKey = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(authPrefix)));
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(canonical)));
    }

    internal static string CanonicalUri(string rawPath) => rawPath.Length == 0 ? "/" : Encode(Uri.UnescapeDataString(rawPath), keepSlash: true);

    internal static string CanonicalQuery(string rawQuery)
    {
        var pairs = new List<string>();
        foreach (string pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (!name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                pairs.Add(Encode(name, keepSlash: false) + "=" + Encode(equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]), keepSlash: false));
            }
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join('&', pairs);
    }

    internal static string CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var lines = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .Where(h => h.Value.Length > 0)
            .Select(h => Encode(h.Name, keepSlash: false) + ":" + Encode(h.Value, keepSlash: false))
            .ToList();
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    /// <summary>RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters stay, everything else is <c>%XX</c>.</summary>
    internal static string Encode(string text, bool keepSlash)
    {
        var encoded = new StringBuilder(text.Length * 2);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || (keepSlash && c == '/'))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
