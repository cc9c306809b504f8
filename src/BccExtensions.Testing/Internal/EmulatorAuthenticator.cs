using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// Verifies bce-auth-v1 the way Baidu's gateway does: an empty signedHeaders field means host, content-length,
/// content-type, content-md5 and every <c>x-bce-*</c> header; a listed field means exactly those headers. The
/// canonical request is rebuilt from the raw request target, so any correct client is accepted.
/// </summary>
internal sealed class EmulatorAuthenticator(EmulatorKeys keys, BccEmulatorOptions options)
{
    private static readonly string[] s_defaultHeaders = ["host", "content-length", "content-type", "content-md5"];

    public EmulatorCaller Authenticate(HttpRequest request, string rawPath, string rawQuery, DateTimeOffset now)
    {
        string authorization = request.Headers.Authorization.ToString();
        string[] parts = authorization.Split('/');
        if (parts.Length != 6 || parts[0] != EmulatorSigner.AuthVersion || parts[1].Length == 0
            || !DateTimeOffset.TryParseExact(parts[2], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset timestamp)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int expiration) || expiration <= 0
            || parts[5].Length != 64)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpAuthHeader, authorization.Length == 0 ? "The Authorization header is missing." : "The Authorization header is malformed.");
        }

        EmulatorCaller caller = FindCaller(request, parts[1], rawQuery, now);

        // Differences, not sums: a timestamp near year 9999 plus its expiration would overflow.
        if (now - timestamp > TimeSpan.FromSeconds(expiration) || timestamp - now > options.MaxFutureSkew)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.RequestExpired, $"Request has expired. Timestamp date is {parts[2]}.");
        }

        string expected = EmulatorSigner.Signature(request.Method, rawPath, rawQuery, SignedHeaders(request, parts[4]), caller.SecretAccessKey, string.Join('/', parts[..4]));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[5])))
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, BccErrorCodes.SignatureDoesNotMatch, "The request signature we calculated does not match the signature you provided.");
        }

        return caller;
    }

    private EmulatorCaller FindCaller(HttpRequest request, string accessKeyId, string rawQuery, DateTimeOffset now)
    {
        if (keys.TryGetLongTerm(accessKeyId, out string secret))
        {
            return new EmulatorCaller(accessKeyId, secret, IsTemporary: false);
        }

        if (!keys.TryGetTemporary(accessKeyId, out EmulatorKeys.Temporary temporary))
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, BccErrorCodes.InvalidAccessKeyId, "The access key id does not exist.");
        }

        string token = request.Headers["x-bce-security-token"].ToString();
        if (token.Length == 0)
        {
            token = QueryValue(rawQuery, "x-bce-security-token") ?? string.Empty;
        }

        if (token != temporary.SessionToken)
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, BccErrorCodes.AccessDenied, "Temporary credentials need their matching x-bce-security-token.");
        }

        if (now >= temporary.Expiration)
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, BccErrorCodes.AccessDenied, "The temporary credentials have expired.");
        }

        return new EmulatorCaller(accessKeyId, temporary.SecretAccessKey, IsTemporary: true);
    }

    private static List<KeyValuePair<string, string>> SignedHeaders(HttpRequest request, string signedHeadersField)
    {
        HashSet<string>? listed = signedHeadersField.Length == 0
            ? null
            : new HashSet<string>(signedHeadersField.Split(';'), StringComparer.OrdinalIgnoreCase);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            string name = header.Key.ToLowerInvariant();
            bool signed = listed is null
                ? s_defaultHeaders.Contains(name) || name.StartsWith("x-bce-", StringComparison.Ordinal)
                : listed.Contains(name);
            string value = header.Value.ToString().Trim();
            if (signed && name != "authorization" && value.Length > 0)
            {
                headers.Add(new(name, value));
            }
        }

        return headers;
    }

    internal static string? QueryValue(string rawQuery, string name)
    {
        foreach (string pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]) == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
