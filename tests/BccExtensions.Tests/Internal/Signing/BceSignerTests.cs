using BccExtensions.Internal.Signing;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Signing;

public class BceSignerTests
{
    private const string BccAk = "AKIDEXAMPLE0123456789abcdef";
    private const string BccSk = "SKEXAMPLE0123456789abcdefSKEXAMPLE";
    private const string BccTime = "2024-01-02T03:04:05Z";
    private const string RequestId = "11111111-2222-4333-8444-555555555555";

    [Theory]
    [MemberData(nameof(SigningVector.Names), MemberType = typeof(SigningVector))]
    public void Sign_ConformanceVector_MatchesBaiduSdks(string name)
    {
        SigningVector vector = SigningVector.Named(name);

        SignerHarness.Result result = SignerHarness.Sign(vector);

        Assert.Equal(vector.ExpectedCanonicalRequest, result.CanonicalRequest);
        Assert.Equal(vector.ExpectedSigningKey, result.SigningKey);
        Assert.Equal(vector.ExpectedAuthorization, result.Authorization);
    }

    [Fact]
    public void Sign_ConformanceSet_HasAll25Cases()
    {
        Assert.Equal(25, SigningVector.All.Count);
        Assert.Equal(25, SigningVector.All.Select(v => v.Name).Distinct().Count());
    }

    public static TheoryData<string, SpecVector> SpecVectors() => new()
    {
        {
            "A", new SpecVector("PUT", "/v1/test/myfolder/readme.txt", [new("partNumber", "9"), new("uploadId", "a44cc9bab11cbd156984767aad637851")],
                [new("Host", "bj.bcebos.com"), new("Date", "Mon, 27 Apr 2015 16:23:49 +0800"), new("Content-Type", "text/plain"), new("Content-Length", "8"), new("Content-Md5", "NFzcPqhviddjRNnSOGo4rw=="), new("x-bce-date", "2015-04-27T08:23:49Z")],
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "2015-04-27T08:23:49Z", 1800, null, null,
                "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800/content-length;content-md5;content-type;host;x-bce-date/d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e")
        },
        {
            "A2", new SpecVector("PUT", "/v1/test/myfolder/readme.txt", [new("partNumber", "9"), new("uploadId", "a44cc9bab11cbd156984767aad637851")],
                [new("Host", "bj.bcebos.com"), new("Date", "Mon, 27 Apr 2015 16:23:49 +0800"), new("Content-Type", "text/plain"), new("Content-Length", "8"), new("Content-Md5", "NFzcPqhviddjRNnSOGo4rw=="), new("x-bce-date", "2015-04-27T08:23:49Z")],
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "2015-04-27T08:23:49Z", 1800, ["host"], null,
                "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800/host;x-bce-date/1b8de5a23a56eef657c69f94c621e7acd227d049a4ba577f537d5e5cebf0cf32")
        },
        {
            "B", new SpecVector("PUT", "/test/myfolder/readme.txt", [new("partNumber", "9"), new("uploadId", "a44cc9bab11cbd156984767aad637851")],
                [new("Host", "bj.bcebos.com"), new("Content-Type", "text/plain"), new("Content-Length", "8"), new("Content-Md5", "NFzcPqhviddjRNnSOGo4rw=="), new("x-bce-date", "2015-04-27T08:23:49Z")],
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "2015-04-27T08:23:49Z", 1800, null, null,
                "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800/content-length;content-md5;content-type;host;x-bce-date/1816c10fce34ba9c9825eddc05fd6058bf82e05fefeddee8da6f869486ea68c0")
        },
        {
            "C", new SpecVector("GET", "/v2/instance", [new("maxKeys", "10"), new("marker", "")],
                [new("Host", "bcc.bj.baidubce.com"), new("Content-Type", "application/json;charset=utf-8"), new("x-bce-date", BccTime), new("User-Agent", "bce-sdk-go/0.9.273/go1.19.8/linux/amd64"), new("x-bce-request-id", RequestId)],
                BccAk, BccSk, BccTime, 1800, null, null,
                "bce-auth-v1/AKIDEXAMPLE0123456789abcdef/2024-01-02T03:04:05Z/1800/content-type;host;x-bce-date/d6526aad9c4efaefed14bc8d737b41f117587a954582d72b942df4164977ebeb")
        },
        {
            "D", new SpecVector("POST", "/v2/instance", [new("clientToken", "ct-0001")],
                [new("Host", "bcc.bj.baidubce.com"), new("Content-Type", "application/json;charset=utf-8"), new("Content-Length", "37"), new("Content-Md5", "pq6UYKrkwIPZwoMLtrUeUQ=="), new("x-bce-date", BccTime), new("x-bce-request-id", RequestId)],
                BccAk, BccSk, BccTime, 1800, null, "SESSIONTOKEN/abc+def=",
                "bce-auth-v1/AKIDEXAMPLE0123456789abcdef/2024-01-02T03:04:05Z/1800/content-length;content-md5;content-type;host;x-bce-date;x-bce-security-token/5e4e7312360cb1cf7c2ce8ea6532ca47b66d55f19b6d69783d8d78eee544e961")
        },
        {
            "E", new SpecVector("GET", "/v2/a b/c+d/~x_y.z-/中", [new("k*", "v/ w"), new("empty", ""), new("A", "1"), new("a", "2"), new("authorization", "ignored"), new("ümlaut", "é=&")],
                [new("Host", "bcc.bj.baidubce.com:8080"), new("x-bce-meta-Key", "  spaced value \t"), new("X-Bce-Empty", "   "), new("Content-Type", "application/json; charset=utf-8"), new("x-bce-date", BccTime), new("Accept", "*/*")],
                "ak", "sk", BccTime, 3600, null, null,
                "bce-auth-v1/ak/2024-01-02T03:04:05Z/3600/content-type;host;x-bce-date;x-bce-meta-key/2badca6fbc1c4e0d86eac9f3ef0451ffa51733282f5952f68e7ec73bd16ec880")
        },
        {
            "F", new SpecVector("GET", "/v2/instance/i-abc123", [],
                [new("Host", "bcc.bj.baidubce.com"), new("Content-Type", "application/json;charset=utf-8"), new("x-bce-date", BccTime)],
                "ak", "sk", BccTime, 1800, ["host"], null,
                "bce-auth-v1/ak/2024-01-02T03:04:05Z/1800/host;x-bce-date/f1af5ad3bb5c43f5b08ddb81590bc89b42084189fe059933a4bc5915e561ea9e")
        },
        {
            "G", new SpecVector("GET", "/v2/instance", [new("a", "1"), new("a-b", "2"), new("a_b", "3")],
                [new("Host", "bcc.bj.baidubce.com"), new("x-bce-date", BccTime), new("x-bce-meta-a", "x"), new("x-bce-meta-a-b", "y")],
                "ak", "sk", BccTime, 1800, null, null,
                "bce-auth-v1/ak/2024-01-02T03:04:05Z/1800/host;x-bce-date;x-bce-meta-a;x-bce-meta-a-b/15d999540a5116b9509e5ed1976b867f6709a5efad464870fff694a513ed206b")
        },
        {
            "H", new SpecVector("GET", string.Empty, [],
                [new("Host", "bcc.bj.baidubce.com"), new("x-bce-date", BccTime)],
                "ak", "sk", BccTime, 1800, null, null,
                "bce-auth-v1/ak/2024-01-02T03:04:05Z/1800/host;x-bce-date/ca1140c93de0f6153202f2eb3304fe0eb46b4d67decfa3c93573322ad4c7d8c3")
        },
        {
            "I", new SpecVector("PUT", "/v2/instance/i-abc123", [new("start", null)],
                [new("Host", "bcc.bj.baidubce.com"), new("Content-Type", "application/json;charset=utf-8"), new("x-bce-date", BccTime), new("x-bce-request-id", RequestId)],
                BccAk, BccSk, BccTime, 1800, null, null,
                "bce-auth-v1/AKIDEXAMPLE0123456789abcdef/2024-01-02T03:04:05Z/1800/content-type;host;x-bce-date/d075152dd1cf5814258cc2731dbda589474d99af409426a3367af058cc755478")
        },
        {
            "J", new SpecVector("POST", "/v1/sessionToken", [new("durationSeconds", "43200")],
                [new("Host", "sts.bj.baidubce.com"), new("Content-Type", "application/json;charset=utf-8"), new("x-bce-date", BccTime)],
                BccAk, BccSk, BccTime, 1800, null, null,
                "bce-auth-v1/AKIDEXAMPLE0123456789abcdef/2024-01-02T03:04:05Z/1800/content-type;host;x-bce-date/7f58d3127d86c4b6734e4e7091bb8e8d5eaae11bcb3228e4f97a5a2fb5a354a0")
        },
    };

    [Theory]
    [MemberData(nameof(SpecVectors))]
    public void Sign_ProtocolSpecVector_MatchesGoSdk(string id, SpecVector vector)
    {
        SignerHarness.Result result = SignerHarness.Sign(
            vector.Method, vector.Path, vector.Query, vector.Headers, vector.AccessKeyId, vector.SecretAccessKey, vector.Timestamp, vector.ExpirationSeconds, vector.HeadersToSign, vector.SessionToken);

        Assert.True(vector.ExpectedAuthorization == result.Authorization, $"vector {id}: {result.Authorization}\n{result.CanonicalRequest}");
    }

    [Fact]
    public void Sign_SpecVectorE_CanonicalRequestEncodesEveryEdgeCase()
    {
        SpecVector e = SpecVectors().Select(row => (SpecVector)row[1]).ElementAt(5);

        SignerHarness.Result result = SignerHarness.Sign(e.Method, e.Path, e.Query, e.Headers, e.AccessKeyId, e.SecretAccessKey, e.Timestamp, e.ExpirationSeconds);

        Assert.Equal(
            "GET\n/v2/a%20b/c%2Bd/~x_y.z-/%E4%B8%AD\n%C3%BCmlaut=%C3%A9%3D%26&A=1&a=2&empty=&k%2A=v%2F%20w\ncontent-type:application%2Fjson%3B%20charset%3Dutf-8\nhost:bcc.bj.baidubce.com%3A8080\nx-bce-date:2024-01-02T03%3A04%3A05Z\nx-bce-meta-key:spaced%20value",
            result.CanonicalRequest);
        Assert.Equal("2a41e96703b2c53709bd7e498cd6a429d2124342adeae4e9ecbf9b8968ae3ebc", result.SigningKey);
    }

    [Theory]
    [InlineData("start", "start=")]
    [InlineData("start=", "start=")]
    [InlineData("b=2&a=1", "a=1&b=2")]
    [InlineData("q=%7e%41", "q=~A")]
    [InlineData("q=a+b", "q=a%2Bb")]
    [InlineData("q=100%", "q=100%25")]
    public void Sign_WireQuery_IsNormalizedOnce(string wireQuery, string canonicalQuery)
    {
        var builder = new PooledCharBuilder(64);
        try
        {
            BceSigner.WriteCanonicalRequest(ref builder, "GET", "/", wireQuery, []);
            Assert.Equal("GET\n/\n" + canonicalQuery + "\n", builder.AsSpan().ToString());
        }
        finally
        {
            builder.Dispose();
        }
    }

    [Fact]
    public void FormatTimestamp_DropsFractionsAndUsesUtc()
    {
        var instant = new DateTimeOffset(2024, 1, 2, 11, 4, 5, 999, TimeSpan.FromHours(8));

        Assert.Equal("2024-01-02T03:04:05Z", BceSigner.FormatTimestamp(instant));
    }

    public sealed record SpecVector(
        string Method,
        string Path,
        KeyValuePair<string, string?>[] Query,
        KeyValuePair<string, string>[] Headers,
        string AccessKeyId,
        string SecretAccessKey,
        string Timestamp,
        int ExpirationSeconds,
        string[]? HeadersToSign,
        string? SessionToken,
        string ExpectedAuthorization);
}
