using BccExtensions.Testing.Internal;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Testing.Tests.Internal;

/// <summary>
/// The emulator's own verifier against Baidu's signing vectors, from the request's wire form, so that the emulator
/// and the client's signer are two independent implementations held to the same answers.
/// </summary>
public sealed class EmulatorSignerTests
{
    private static readonly string[] s_defaultHeaders = ["host", "content-length", "content-type", "content-md5"];

    [Theory]
    [MemberData(nameof(SigningVector.Names), MemberType = typeof(SigningVector))]
    public void Signature_FromTheWireForm_MatchesTheVector(string name)
    {
        SigningVector vector = SigningVector.Named(name);
        string[] authorization = vector.ExpectedAuthorization.Split('/');
        string rawPath = EmulatorSigner.Encode(vector.Path, keepSlash: true);
        string rawQuery = string.Join('&', vector.Query.Select(q => EmulatorSigner.Encode(q.Key, keepSlash: false) + (q.Value is null ? string.Empty : "=" + EmulatorSigner.Encode(q.Value, keepSlash: false))));
        List<KeyValuePair<string, string>> headers = [.. vector.Headers.Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value))];
        if (vector.SessionToken is { } token)
        {
            headers.Add(new("x-bce-security-token", token));
        }

        HashSet<string>? listed = authorization[4].Length == 0 ? null : [.. authorization[4].Split(';')];
        var signed = headers.Where(h => listed?.Contains(h.Key) ?? (s_defaultHeaders.Contains(h.Key) || h.Key.StartsWith("x-bce-", StringComparison.Ordinal))).ToList();

        string canonical = string.Join('\n', vector.Method, EmulatorSigner.CanonicalUri(rawPath), EmulatorSigner.CanonicalQuery(rawQuery), EmulatorSigner.CanonicalHeaders(signed));
        string signature = EmulatorSigner.Signature(vector.Method, rawPath, rawQuery, signed, vector.SecretAccessKey, string.Join('/', authorization[..4]));

        Assert.Equal(vector.ExpectedCanonicalRequest, canonical);
        Assert.Equal(authorization[5], signature);
    }
}
