using System.Net;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Http;

public class BccRetryTests
{
    private const string InstanceJson = "{\"instance\":{\"id\":\"i-1\",\"status\":\"Running\"}}";

    [Fact]
    public async Task GetAsync_TransientFailures_RetriedWithFreshSignatureEachAttempt()
    {
        await using TestHost host = TestHost.Create(
            (_, attempt) => attempt < 3
                ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"code\":\"ServiceUnavailable\"}")
                : StubHandler.Json(HttpStatusCode.OK, InstanceJson),
            new Dictionary<string, string?> { ["Bcc:Resilience:Retry:Delay"] = "00:00:02" });

        BccInstance instance = await host.RunAsync(host.Client.Instances.GetAsync("i-1"));

        Assert.Equal("i-1", instance.Id);
        Assert.Equal(3, host.Stub.Requests.Count);
        Assert.Equal(3, host.Stub.Requests.Select(r => r.Header("x-bce-date")).Distinct().Count());
        Assert.Equal(3, host.Stub.Requests.Select(r => r.Header("Authorization")).Distinct().Count());
        Assert.Equal(3, host.Stub.Requests.Select(r => r.Header("x-bce-request-id")).Distinct().Count());
    }

    [Fact]
    public async Task CreateAsync_RetriedAfter5xxAndDroppedConnection_ReusesOneClientToken()
    {
        await using TestHost host = TestHost.Create((_, attempt) => attempt switch
        {
            1 => StubHandler.Json(HttpStatusCode.InternalServerError, "{\"code\":\"InternalError\"}"),
            2 => throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection dropped after the request was sent"),
            _ => StubHandler.Json(HttpStatusCode.OK, "{\"instanceIds\":[\"i-new\"]}"),
        });

        CreateInstanceResponse result = await host.RunAsync(host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "bcc.g5.c2m8", ImageId = "m-1", ZoneName = "cn-bj-a" }));

        Assert.Equal(["i-new"], result.InstanceIds);
        Assert.Equal(3, host.Stub.Requests.Count);
        string[] tokens = host.Stub.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Uri.Query)["clientToken"]!).ToArray();
        Assert.True(Guid.TryParse(tokens[0], out _));
        Assert.All(tokens, token => Assert.Equal(tokens[0], token));
    }

    [Fact]
    public async Task StopAsync_InternalError_NotRetriedAndSurfacesRequestId()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.InternalServerError, "{\"code\":\"InternalError\",\"message\":\"boom\",\"requestId\":\"req-500\"}"));

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.StopAsync("i-1")));

        Assert.Single(host.Stub.Requests);
        Assert.Equal("req-500", error.RequestId);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task ReleaseAsync_ResponseLost_NotRetried()
    {
        await using TestHost host = TestHost.Create((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "response lost"));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.RunAsync(host.Client.Instances.ReleaseAsync("i-1")));

        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task StartAsync_ConnectionRefused_RetriedBecauseNothingWasSent()
    {
        await using TestHost host = TestHost.Create((_, attempt) => attempt == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused")
            : StubHandler.Json(HttpStatusCode.OK, string.Empty));

        await host.RunAsync(host.Client.Instances.StartAsync("i-1"));

        Assert.Equal(2, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task StartAsync_TooManyRequests_RetriedAfterRetryAfterOnTheFakeClock()
    {
        // The retry waits exactly what Retry-After says (5 s, not the 300 ms back-off), read from the retry's own
        // callback rather than inferred from nothing happening for a while.
        var retryDelay = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestHost host = TestHost.Create(
            (_, attempt) =>
            {
                if (attempt > 1)
                {
                    return StubHandler.Json(HttpStatusCode.OK, string.Empty);
                }

                HttpResponseMessage throttled = StubHandler.Json(HttpStatusCode.TooManyRequests, "{\"code\":\"RequestLimitExceeded\"}");
                throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
                return throttled;
            },
            configure: builder => builder.ConfigureResilience(r => r.Retry.OnRetry = args =>
            {
                retryDelay.TrySetResult(args.RetryDelay);
                return default;
            }));

        Task call = host.Client.Instances.StartAsync("i-1");
        TimeSpan delay = await retryDelay.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(5), delay);
        Assert.Single(host.Stub.Requests);
        host.Time.Advance(delay);
        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_PersistentFailure_AttemptsMatchTheConfiguredRetries()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.BadGateway, string.Empty),
            new Dictionary<string, string?> { ["Bcc:Resilience:Retry:MaxRetryAttempts"] = "2" });

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.GetAsync("i-1")));

        Assert.Equal(3, host.Stub.Requests.Count);
        Assert.Equal("BadGateway", error.ErrorCode);
    }

    [Fact]
    public async Task GetAsync_RetrySettingsReloaded_NextCallFollowsThem()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.BadGateway, string.Empty),
            new Dictionary<string, string?> { ["Bcc:Resilience:Retry:MaxRetryAttempts"] = "2" });

        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.GetAsync("i-1")));
        host.Configuration["Bcc:Resilience:Retry:MaxRetryAttempts"] = "1";
        host.Configuration.Reload();
        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.GetAsync("i-1")));
        host.Configuration["Bcc:DisableRetries"] = "true";
        host.Configuration.Reload();
        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.GetAsync("i-1")));

        Assert.Equal(3 + 2 + 1, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task StopAsync_ARetryPredicateOfTheCaller_DoesNotReplaceTheClientsRule()
    {
        // A stop without a clientToken that got a 500 may have been done: the client's rule never replays it, whatever
        // predicate the retry settings carry; the caller's delays and counts still apply.
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.InternalServerError, """{"code":"InternalError","message":"x","requestId":"r-1"}"""),
            configure: builder => builder.ConfigureResilience(r => r.Retry.ShouldHandle = _ => ValueTask.FromResult(true)));

        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.StopAsync("i-1", CancellationToken.None)));

        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task GetAsync_RetriesDisabled_SingleAttempt()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty),
            new Dictionary<string, string?> { ["Bcc:DisableRetries"] = "true" });

        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.GetAsync("i-1")));

        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task GetAsync_ServerClockAhead_CorrectsOnceThenSignsWithCorrectedTime()
    {
        DateTimeOffset serverOffset = TestHost.Start.AddMinutes(-20);
        await using TestHost host = TestHost.Create((request, attempt) =>
        {
            if (attempt == 1)
            {
                HttpResponseMessage expired = StubHandler.Json(HttpStatusCode.BadRequest, "{\"code\":\"RequestExpired\",\"message\":\"Timestamp date is expired\"}");
                expired.Headers.Date = serverOffset;
                return expired;
            }

            return StubHandler.Json(HttpStatusCode.OK, InstanceJson);
        });

        await host.RunAsync(host.Client.Instances.GetAsync("i-1"));
        await host.RunAsync(host.Client.Instances.GetAsync("i-1"));

        Assert.Equal(3, host.Stub.Requests.Count);
        Assert.Equal("2024-01-02T02:44:05Z", host.Stub.Requests[1].Header("x-bce-date"));
        Assert.StartsWith("2024-01-02T02:44:", host.Stub.Requests[2].Header("x-bce-date"), StringComparison.Ordinal);
    }
}
