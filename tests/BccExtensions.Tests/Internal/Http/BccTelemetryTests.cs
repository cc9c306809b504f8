using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Http;

public sealed class BccTelemetryTests
{
    private const string Host = "bcc.su.baidubce.com";
    private const string OtherHost = "telemetry.bcc.test";

    [Fact]
    public async Task Operation_EmitsOneSpanAndOneDurationWithStatusAndRequestId()
    {
        var spans = new ConcurrentQueue<Activity>();
        using ActivityListener activities = ListenForSpans(Host, spans);
        using var durations = new MeasurementRecorder<double>("bcc.client.operation.duration", tags => Equals(tags.GetValueOrDefault("server.address"), Host));
        await using TestHost host = TestHost.Create(
            (_, attempt) => attempt == 1 ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty) : StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}", "req-42"),
            new Dictionary<string, string?> { ["Bcc:Endpoint"] = "https://" + Host });

        await host.RunAsync(host.Client.Zones.ListAsync());

        Activity span = Assert.Single(spans);
        Assert.Equal("BCC/ListZones", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(("baidu_bce", "BCC", "ListZones", "su"), (span.GetTagItem("rpc.system"), span.GetTagItem("rpc.service"), span.GetTagItem("rpc.method"), span.GetTagItem("cloud.region")));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("req-42", span.GetTagItem("bcc.request_id"));
        (double seconds, Dictionary<string, object?> tags) = Assert.Single(durations.Measurements);
        Assert.True(seconds >= 0.3, $"the retry delay is part of the duration: {seconds}");
        Assert.Equal(("baidu_bce", "BCC", "ListZones", "su"), (tags["rpc.system"], tags["rpc.service"], tags["rpc.method"], tags["cloud.region"]));
        Assert.Equal(200, tags["http.response.status_code"]);
    }

    [Fact]
    public async Task FailedOperation_SpanCarriesTheBccErrorCode()
    {
        var spans = new ConcurrentQueue<Activity>();
        using ActivityListener activities = ListenForSpans(OtherHost, spans);
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.NotFound, "{\"code\":\"NoSuchObject\",\"message\":\"gone\",\"requestId\":\"req-7\"}", "req-7"),
            new Dictionary<string, string?> { ["Bcc:Endpoint"] = "https://" + OtherHost });

        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.GetAsync("i-1")));

        Activity span = Assert.Single(spans);
        Assert.Equal(("BCC/GetInstance", "NoSuchObject", "404"), (span.DisplayName, span.GetTagItem("bcc.error_code"), span.GetTagItem("error.type")));
        Assert.Null(span.GetTagItem("cloud.region"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task RetriedOperation_CountsTheFirstAttemptAndEachRetry()
    {
        const string attemptsHost = "attempts.bcc.test";
        using var counted = new MeasurementRecorder<long>("bcc.client.operation.attempts", tags => Equals(tags.GetValueOrDefault("server.address"), attemptsHost));
        await using TestHost host = TestHost.Create(
            (_, attempt) => attempt <= 2 ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty) : StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"),
            new Dictionary<string, string?> { ["Bcc:Endpoint"] = "https://" + attemptsHost });

        await host.RunAsync(host.Client.Zones.ListAsync());
        await host.RunAsync(host.Client.Zones.ListAsync());

        Assert.Equal([(1L, (object?)false, (object?)"ListZones"), (2L, true, "ListZones"), (1L, false, "ListZones")], counted.Measurements.Select(m => (m.Value, m.Tags["bcc.retry"], m.Tags["rpc.method"])));
    }

    [Fact]
    public async Task RequestExpiredAnswer_TheResignedSendCountsAsAnAttempt()
    {
        const string skewHost = "skew.bcc.test";
        using var counted = new MeasurementRecorder<long>("bcc.client.operation.attempts", tags => Equals(tags.GetValueOrDefault("server.address"), skewHost));
        await using TestHost host = TestHost.Create(
            (_, attempt) =>
            {
                if (attempt > 1)
                {
                    return StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}");
                }

                HttpResponseMessage expired = StubHandler.Json(HttpStatusCode.BadRequest, "{\"code\":\"RequestExpired\",\"message\":\"Request has expired.\"}");
                expired.Headers.Date = TestHost.Start.AddMinutes(20);
                return expired;
            },
            new Dictionary<string, string?> { ["Bcc:Endpoint"] = "https://" + skewHost });

        await host.RunAsync(host.Client.Zones.ListAsync());

        Assert.Equal([(1L, (object?)false), (1L, true)], counted.Measurements.Select(m => (m.Value, m.Tags["bcc.retry"])));
    }

    [Fact]
    public async Task RetriedOperation_ReportsEachRetryOnceNamingTheOperation_AndAPlainCallReportsNothing()
    {
        const string eventsHost = "events.bcc.test";
        using var counted = new MeasurementRecorder<long>("bcc.client.resilience.events", tags => Equals(tags.GetValueOrDefault("server.address"), eventsHost));
        var logs = new CapturingLoggerProvider();
        await using TestHost host = TestHost.Create(
            (_, attempt) => attempt == 1 ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty) : StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"),
            new Dictionary<string, string?> { ["Bcc:Endpoint"] = "https://" + eventsHost },
            logs: logs);

        await host.RunAsync(host.Client.Zones.ListAsync());
        await host.RunAsync(host.Client.Zones.ListAsync());

        // One retry: one OnRetry event; the attempt reports Polly makes on every call are not events.
        Assert.Equal([("OnRetry", (object?)"Warning", (object?)"ListZones")], counted.Measurements.Select(m => ((string?)m.Tags["event.name"], m.Tags["event.severity"], m.Tags["rpc.method"])));
        string logged = Assert.Single(logs.Entries, entry => entry.Contains("[7]", StringComparison.Ordinal));
        Assert.StartsWith("Warning BccExtensions [7] BCC ListZones: resilience event OnRetry from ", logged, StringComparison.Ordinal);
        Assert.Contains("(outcome 503)", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, entry => entry.Contains(" Polly", StringComparison.Ordinal));
    }

    /// <summary>Collects the library's finished spans to one host (spans are process-wide; each test uses its own host).</summary>
    private static ActivityListener ListenForSpans(string host, ConcurrentQueue<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BccTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.address"), host))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
