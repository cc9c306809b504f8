using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BccExtensions.Internal.Signing;

/// <summary>
/// A JSON request body with a password member, which BCC reads encrypted with the secret key of the credentials that
/// sign the request: AES-128-ECB with PKCS#7 padding, keyed by the first 16 characters of the secret access key, sent
/// as lower-case hex. It rides on the request's options; the signing handler writes the body for each attempt with the
/// credentials it signs that attempt with, so a retry after an STS rotation sends a password the new key decrypts.
/// </summary>
internal sealed class BcePasswordBody
{
    /// <summary>The request option the signing handler reads.</summary>
    public static readonly HttpRequestOptionsKey<BcePasswordBody> Key = new("BccExtensions.PasswordBody");

    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] _body;
    private readonly JsonEncodedText _member;
    private readonly string _password;

    /// <summary>Creates a body from a serialized JSON object without the password member.</summary>
    /// <param name="body">A UTF-8 JSON object, as System.Text.Json writes it.</param>
    /// <param name="member">The password member's name (<c>adminPass</c>, <c>password</c>).</param>
    /// <param name="password">The password in clear.</param>
    public BcePasswordBody(byte[] body, string member, string password)
    {
        if (body is not [(byte)'{', .., (byte)'}'])
        {
            throw new ArgumentException("A password body is a JSON object.", nameof(body));
        }

        _body = body;
        _member = JsonEncodedText.Encode(member);
        _password = password;
    }

    /// <summary>Writes the body with the password encrypted for <paramref name="credentials"/>.</summary>
    /// <exception cref="InvalidOperationException">The secret access key is shorter than 16 characters.</exception>
    public HttpContent ContentFor(BceCredentials credentials)
    {
        string encrypted = Encrypt(_password, credentials.SecretAccessKey);
        byte[] member = Encoding.UTF8.GetBytes($"\"{_member}\":\"{encrypted}\"}}");
        bool empty = _body.Length == 2;
        byte[] content = new byte[_body.Length - 1 + (empty ? 0 : 1) + member.Length];
        _body.AsSpan(0, _body.Length - 1).CopyTo(content);
        int at = _body.Length - 1;
        if (!empty)
        {
            content[at++] = (byte)',';
        }

        member.CopyTo(content, at);
        return new ByteArrayContent(content) { Headers = { ContentType = s_jsonContentType } };
    }

    internal static string Encrypt(string password, string secretAccessKey)
    {
        if (secretAccessKey.Length < 16)
        {
            throw new InvalidOperationException("The secret access key is shorter than the 16 characters BCC password encryption needs.");
        }

        using var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes(secretAccessKey[..16]);
        byte[] cipher = aes.EncryptEcb(Encoding.UTF8.GetBytes(password), PaddingMode.PKCS7);
        return Convert.ToHexString(cipher).ToLowerInvariant();
    }
}
