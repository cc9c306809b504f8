using System.Net;
using System.Text;
using BccExtensions.Internal.Signing;
using BccExtensions.Testing;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Testing.Tests;

/// <summary>The emulator as a server: what any bce-auth-v1 client gets for right and wrong requests.</summary>
public sealed class BccEmulatorProtocolTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestHost.Start);
    private readonly HttpClient _http = new();
    private BccEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await BccEmulator.StartAsync(new BccEmulatorOptions { TimeProvider = _time });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Request_EmptySignedHeadersField_VerifiedWithTheDefaultSetIncludingAllBceHeaders()
    {
        using HttpRequestMessage request = Get("/v2/zone");
        request.Headers.TryAddWithoutValidation("x-bce-request-id", "11111111-2222-4333-8444-555555555555");
        request.Headers.TryAddWithoutValidation("x-bce-date", "2024-01-02T03:04:05Z");
        // Java's and Python's SDKs send an empty field; the server then signs x-bce-request-id too.
        string signed = BceSigner.Sign(
            "GET", "/v2/zone", string.Empty,
            [new BceHeader("host", _emulator.Endpoint.Authority), new BceHeader("x-bce-date", "2024-01-02T03:04:05Z"), new BceHeader("x-bce-request-id", "11111111-2222-4333-8444-555555555555")],
            _emulator.AccessKeyId, _emulator.SecretAccessKey, "2024-01-02T03:04:05Z", 1800);
        string signature = signed[^64..];
        request.Headers.TryAddWithoutValidation("Authorization", $"bce-auth-v1/{_emulator.AccessKeyId}/2024-01-02T03:04:05Z/1800//{signature}");

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_ListedHeaderChangedAfterSigning_SignatureDoesNotMatch()
    {
        using HttpRequestMessage request = Get("/v2/zone");
        Sign(request);
        request.Headers.Remove("x-bce-date");
        request.Headers.TryAddWithoutValidation("x-bce-date", "2024-01-02T03:04:06Z");

        (HttpStatusCode status, string code, string? requestId) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.Forbidden, BccErrorCodes.SignatureDoesNotMatch), (status, code));
        Assert.False(string.IsNullOrEmpty(requestId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bce-auth-v1/ak/2024-01-02T03:04:05Z/1800/host")]
    [InlineData("bce-auth-v2/ak/2024-01-02T03:04:05Z/1800/host/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("bce-auth-v1/ak/yesterday/1800/host/0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Request_MalformedAuthorization_InvalidHttpAuthHeader(string authorization)
    {
        using HttpRequestMessage request = Get("/v2/zone");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        (HttpStatusCode status, string code, _) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpAuthHeader), (status, code));
    }

    [Theory]
    [InlineData(-1801)]
    [InlineData(16 * 60)]
    public async Task Request_TimestampOutsideTheWindow_RequestExpiredWithDate(int offsetSeconds)
    {
        using HttpRequestMessage request = Get("/v2/zone");
        Sign(request, _time.GetUtcNow().AddSeconds(offsetSeconds));

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BccErrorCodes.RequestExpired, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow(), response.Headers.Date);
    }

    [Fact]
    public async Task Request_BadJson_MalformedJson()
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(_emulator.Endpoint, "/v2/instanceBySpec?clientToken=t1")) { Content = new StringContent("{\"spec\":", Encoding.UTF8, "application/json") };
        Sign(request);

        (HttpStatusCode status, string code, _) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.BadRequest, BccErrorCodes.MalformedJson), (status, code));
    }

    [Fact]
    public async Task Request_FieldOfTheWrongType_InappropriateJson()
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri(_emulator.Endpoint, "/v2/instanceBySpec?clientToken=t2"))
        {
            Content = new StringContent("""{"spec":"bcc.g5.c2m8","imageId":"m-ubuntu2204","zoneName":"cn-bj-a","billing":{"paymentTiming":7}}""", Encoding.UTF8, "application/json"),
        };
        Sign(request);

        (HttpStatusCode status, string code, _) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.BadRequest, BccErrorCodes.InappropriateJson), (status, code));
        Assert.Empty(_emulator.InstanceIds);
    }

    [Fact]
    public async Task Request_UnknownRoute_NotFound()
    {
        using HttpRequestMessage request = Get("/v2/nothing/here");
        Sign(request);

        (HttpStatusCode status, string code, _) = await SendAsync(request);

        Assert.Equal((HttpStatusCode.NotFound, BccErrorCodes.NotFound), (status, code));
    }

    [Fact]
    public async Task ClientToken_SameRequestTwice_FirstResultAndNothingCreated_DifferentRequest_Mismatch()
    {
        const string Body = """{"spec":"bcc.g5.c2m8","imageId":"m-ubuntu2204","zoneName":"cn-bj-a","billing":{"paymentTiming":"Postpaid"},"purchaseCount":2}""";
        string first = await CreateAsync("tok-1", Body, HttpStatusCode.OK);
        string again = await CreateAsync("tok-1", Body, HttpStatusCode.OK);
        string other = await CreateAsync("tok-1", Body.Replace("\"purchaseCount\":2", "\"purchaseCount\":3", StringComparison.Ordinal), HttpStatusCode.Conflict);

        Assert.Equal(first, again);
        Assert.Equal(2, _emulator.InstanceIds.Count);
        Assert.Contains(BccErrorCodes.IdempotentParameterMismatch, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_FailNextWithRetryAfter_AnswersThenRecovers()
    {
        _emulator.Faults.FailNext(1, HttpStatusCode.TooManyRequests, "RequestLimitExceeded", TimeSpan.FromSeconds(3));

        using HttpRequestMessage first = Get("/v2/zone");
        Sign(first);
        using HttpResponseMessage throttled = await _http.SendAsync(first);
        using HttpRequestMessage second = Get("/v2/zone");
        Sign(second);
        using HttpResponseMessage ok = await _http.SendAsync(second);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, _emulator.Journal.Count);
        Assert.DoesNotContain(_emulator.Journal, r => r.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Faults_AbortBeforeProcessing_DropsTheConnection()
    {
        _emulator.Faults.AbortNext(1);
        using HttpRequestMessage request = Get("/v2/zone");
        Sign(request);

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.SendAsync(request));
    }

    [Fact]
    public async Task Faults_Latency_WaitsOnTheEmulatorClock()
    {
        _emulator.Faults.Latency = TimeSpan.FromSeconds(30);
        using HttpRequestMessage request = Get("/v2/zone");
        Sign(request);

        Task<HttpResponseMessage> pending = _http.SendAsync(request);
        await FakeClockDriver.WaitUntilAsync(() => _emulator.Activity.DelayedRequestIds.Count == 1, "the request to be held");

        // Parked on the emulator's clock, which has not moved: only advancing it can release the answer.
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(30));
        using HttpResponseMessage response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> CreateAsync(string token, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.Endpoint, "/v2/instanceBySpec?clientToken=" + token)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        Sign(request);
        using HttpResponseMessage response = await _http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(_emulator.Endpoint, path));

    private void Sign(HttpRequestMessage request, DateTimeOffset? at = null) =>
        BceSigningHandler.Sign(request, request.RequestUri!, new BceCredentials(_emulator.AccessKeyId, _emulator.SecretAccessKey), at ?? _time.GetUtcNow(), new BceSigningOptions());

    private async Task<(HttpStatusCode Status, string Code, string? RequestId)> SendAsync(HttpRequestMessage request)
    {
        using HttpResponseMessage response = await _http.SendAsync(request);
        using System.Text.Json.JsonDocument body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(response.Headers.GetValues("x-bce-request-id").Single(), body.RootElement.GetProperty("requestId").GetString());
        return (response.StatusCode, body.RootElement.GetProperty("code").GetString()!, body.RootElement.GetProperty("requestId").GetString());
    }
}
