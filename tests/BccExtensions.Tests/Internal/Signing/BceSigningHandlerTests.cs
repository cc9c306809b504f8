using System.Net;
using BccExtensions.Internal.Signing;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Internal.Signing;

public class BceSigningHandlerTests
{
    private static readonly string[] s_contentHeaders = ["content-type", "content-length", "content-md5"];

    public static TheoryData<string> WireVectors()
    {
        var data = new TheoryData<string>();
        foreach (SigningVector vector in SigningVector.All.Where(CanTravelThroughHttpClient))
        {
            data.Add(vector.Name);
        }

        return data;
    }

    [Fact]
    public void WireVectors_CoverMostOfTheConformanceSet()
    {
        // Guards the filter below: the handler-level theory must keep exercising a large part of the set.
        Assert.True(WireVectors().Count >= 12, $"only {WireVectors().Count} vectors run through the handler");
    }

    [Theory]
    [MemberData(nameof(WireVectors))]
    public async Task SendAsync_ConformanceVector_SendsTheGoldenAuthorization(string name)
    {
        SigningVector v = SigningVector.Named(name);
        using HttpRequestMessage request = ToRequest(v);
        var inner = new StubHandler();
        using var invoker = new HttpMessageInvoker(CreateHandler(inner, new BceCredentials(v.AccessKeyId, v.SecretAccessKey, v.SessionToken), DateTimeOffset.Parse(v.Timestamp, System.Globalization.CultureInfo.InvariantCulture), v.ExpirationSeconds, v.HeadersToSign));

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        RecordedRequest sent = Assert.Single(inner.Requests);
        Assert.Equal(v.ExpectedAuthorization, sent.Header("Authorization"));
    }

    [Fact]
    public async Task SendAsync_SpecVectorD_SignsBodyHeadersAndSessionToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://bcc.bj.baidubce.com/v2/instance?clientToken=ct-0001")
        {
            Content = new ByteArrayContent("{\"cpuCount\":1,\"memoryCapacityInGB\":2}"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf-8");
        request.Content.Headers.TryAddWithoutValidation("Content-MD5", "pq6UYKrkwIPZwoMLtrUeUQ==");
        var inner = new StubHandler();
        using var invoker = new HttpMessageInvoker(CreateHandler(inner, new BceCredentials("AKIDEXAMPLE0123456789abcdef", "SKEXAMPLE0123456789abcdefSKEXAMPLE", "SESSIONTOKEN/abc+def="), TestHost.Start));

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        RecordedRequest sent = Assert.Single(inner.Requests);
        Assert.Equal(
            "bce-auth-v1/AKIDEXAMPLE0123456789abcdef/2024-01-02T03:04:05Z/1800/content-length;content-md5;content-type;host;x-bce-date;x-bce-security-token/5e4e7312360cb1cf7c2ce8ea6532ca47b66d55f19b6d69783d8d78eee544e961",
            sent.Header("Authorization"));
        Assert.Equal("SESSIONTOKEN/abc+def=", sent.Header("x-bce-security-token"));
        Assert.Equal("2024-01-02T03:04:05Z", sent.Header("x-bce-date"));
    }

    [Fact]
    public async Task SendAsync_SameMessageTwice_ReplacesAuthorizationDateAndRequestId()
    {
        var time = new FakeTimeProvider(TestHost.Start);
        var inner = new StubHandler();
        using var invoker = new HttpMessageInvoker(CreateHandler(inner, new BceCredentials("ak", "sk"), time));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://bcc.bj.baidubce.com/v2/instance");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        time.Advance(TimeSpan.FromSeconds(3));
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal(2, inner.Requests.Count);
        RecordedRequest first = inner.Requests[0], second = inner.Requests[1];
        Assert.Equal("2024-01-02T03:04:05Z", first.Header("x-bce-date"));
        Assert.Equal("2024-01-02T03:04:08Z", second.Header("x-bce-date"));
        Assert.StartsWith("bce-auth-v1/ak/2024-01-02T03:04:08Z/", second.Header("Authorization"), StringComparison.Ordinal);
        Assert.DoesNotContain(',', second.Header("Authorization")!);
        Assert.NotEqual(first.Header("x-bce-request-id"), second.Header("x-bce-request-id"));
        Assert.Single(request.Headers.GetValues("Authorization"));
    }

    [Fact]
    public async Task SendAsync_NonDefaultPort_SignsHostWithPort()
    {
        var inner = new StubHandler();
        using var invoker = new HttpMessageInvoker(CreateHandler(inner, new BceCredentials("ak", "sk"), TestHost.Start));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:8080/v2/zone");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        RecordedRequest sent = Assert.Single(inner.Requests);
        Assert.Equal("127.0.0.1:8080", sent.Header("Host"));
        Assert.Contains("/host;x-bce-date/", sent.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RequestExpiredWithServerDate_LearnsSkewAndResignsOnce()
    {
        DateTimeOffset serverNow = TestHost.Start.AddMinutes(20);
        var inner = new StubHandler((_, attempt) =>
        {
            if (attempt > 1)
            {
                return StubHandler.Json(HttpStatusCode.OK, "{}");
            }

            HttpResponseMessage expired = StubHandler.Json(HttpStatusCode.BadRequest, "{\"code\":\"RequestExpired\",\"message\":\"Request has expired.\",\"requestId\":\"r1\"}");
            expired.Headers.Date = serverNow;
            return expired;
        });
        var skew = new BceClockSkew();
        using var invoker = new HttpMessageInvoker(CreateHandler(inner, new BceCredentials("ak", "sk"), new FakeTimeProvider(TestHost.Start), skew: skew));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://bcc.bj.baidubce.com/v2/zone");

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Requests.Count);
        Assert.Equal("2024-01-02T03:24:05Z", inner.Requests[1].Header("x-bce-date"));
        Assert.Equal(TimeSpan.FromMinutes(20), skew.Offset);
    }

    [Fact]
    public async Task SendAsync_RequestExpiredWithoutDate_ReturnsTheErrorUnchanged()
    {
        var inner = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.BadRequest, "{\"code\":\"RequestExpired\",\"message\":\"expired\"}"));
        using var invoker = new HttpMessageInvoker(CreateHandler(inner, new BceCredentials("ak", "sk"), TestHost.Start));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://bcc.bj.baidubce.com/v2/zone");

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Single(inner.Requests);
        Assert.Contains("RequestExpired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PasswordBody_EncryptedForTheKeyThatSignsEachAttempt()
    {
        // STS rotated between two attempts of the same call: each attempt's password must decrypt with its own key.
        var keys = new Queue<BceCredentials>([new BceCredentials("ak-old", "old-secret-key-0123456789"), new BceCredentials("ak-new", "new-secret-key-9876543210")]);
        var inner = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        var handler = new BceSigningHandler(new RotatingProvider(keys), () => new BceSigningOptions(), new BceClockSkew(), new FakeTimeProvider(TestHost.Start), NullLogger.Instance) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);

        foreach (int _ in new[] { 1, 2 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "https://bcc.bj.baidubce.com/v2/instance/i-1?changePass");
            request.Options.Set(BcePasswordBody.Key, new BcePasswordBody("""{"name":"x"}"""u8.ToArray(), "adminPass", "N3w-Pass!"));
            using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);
        }

        Assert.Equal(
            [
                "ak-old " + $$"""{"name":"x","adminPass":"{{BcePasswordBody.Encrypt("N3w-Pass!", "old-secret-key-0123456789")}}"}""",
                "ak-new " + $$"""{"name":"x","adminPass":"{{BcePasswordBody.Encrypt("N3w-Pass!", "new-secret-key-9876543210")}}"}""",
            ],
            inner.Requests.Select(r => r.Header("Authorization")!.Split('/')[1] + " " + r.Body));
        Assert.NotEqual(inner.Requests[0].Body, inner.Requests[1].Body);
        Assert.All(inner.Requests, r => Assert.Equal("application/json; charset=utf-8", r.Header("Content-Type")));
    }

    [Theory]
    [InlineData("{}", """{"adminPass":"c4ee7ea9b3d69b83c1d1f5ba3e8c2fe1"}""")]
    [InlineData("""{"a":1}""", """{"a":1,"adminPass":"c4ee7ea9b3d69b83c1d1f5ba3e8c2fe1"}""")]
    public async Task PasswordBody_AddsTheEncryptedMemberToTheObject(string body, string expected)
    {
        string encrypted = BcePasswordBody.Encrypt("secret", "0123456789abcdef");
        using HttpContent content = new BcePasswordBody(System.Text.Encoding.UTF8.GetBytes(body), "adminPass", "secret").ContentFor(new BceCredentials("ak", "0123456789abcdef"));

        Assert.Equal(expected.Replace("c4ee7ea9b3d69b83c1d1f5ba3e8c2fe1", encrypted, StringComparison.Ordinal), await content.ReadAsStringAsync());
        System.Text.Json.JsonDocument.Parse(await content.ReadAsStringAsync()).Dispose();
    }

    private static BceSigningHandler CreateHandler(
        HttpMessageHandler inner, BceCredentials credentials, DateTimeOffset now, int expiration = 1800, IList<string>? headersToSign = null) =>
        CreateHandler(inner, credentials, new FakeTimeProvider(now), expiration, headersToSign);

    private static BceSigningHandler CreateHandler(
        HttpMessageHandler inner, BceCredentials credentials, TimeProvider time, int expiration = 1800, IList<string>? headersToSign = null, BceClockSkew? skew = null)
    {
        var options = new BceSigningOptions { ExpirationSeconds = expiration, HeadersToSign = headersToSign ?? [] };
        return new BceSigningHandler(new StaticBceCredentialProvider(credentials), () => options, skew ?? new BceClockSkew(), time, NullLogger.Instance)
        {
            InnerHandler = inner,
        };
    }

    /// <summary>
    /// A vector can be replayed through HttpClient when the handler's own headers (Host from the URI, x-bce-date
    /// from the clock) are the ones it signs, and its content headers come with a body length.
    /// </summary>
    private static bool CanTravelThroughHttpClient(SigningVector v)
    {
        bool hasHost = v.Header("Host") is not null;
        bool dateMatches = v.Header("x-bce-date")?.Trim() == v.Timestamp;
        bool contentFits = !v.Headers.Any(h => s_contentHeaders.Contains(h.Key.ToLowerInvariant())) || v.Header("Content-Length") is not null;
        bool needsNoContent = v.Method is "GET" or "HEAD" or "DELETE" || v.Header("Content-Length") is not null || v.HeadersToSign is not null;
        return hasHost && dateMatches && contentFits && needsNoContent;
    }

    private static HttpRequestMessage ToRequest(SigningVector v)
    {
        string path = BceUriEncoder.Encode(v.Path, keepSlash: true);
        string query = string.Join('&', v.Query.Select(p => BceUriEncoder.Encode(p.Key, keepSlash: false) + (p.Value is null ? string.Empty : "=" + BceUriEncoder.Encode(p.Value, keepSlash: false))));
        var uri = new Uri($"https://{v.Header("Host")!.Trim()}{path}{(query.Length > 0 ? "?" + query : string.Empty)}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(v.Method), uri);
        if (v.Header("Content-Length") is { } length)
        {
            request.Content = new ByteArrayContent(new byte[int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)]);
        }

        foreach ((string name, string value) in v.Headers)
        {
            string lower = name.ToLowerInvariant();
            if (lower is "host" or "x-bce-date" or "content-length")
            {
                continue;
            }

            if (s_contentHeaders.Contains(lower))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private sealed class RotatingProvider(Queue<BceCredentials> keys) : IBceCredentialProvider
    {
        public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(keys.Dequeue());
    }
}
