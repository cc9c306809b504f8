using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Http;

public sealed class BccTelemetryTests
{
    private const string Host = "telemetry.bcc.test";

    [Fact]
    public async Task Operation_EmitsOneSpanAndOneDurationWithStatusAndRequestId()
    {
        var spans = new ConcurrentQueue<Activity>();
        var durations = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "BccExtensions",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.address"), Host))
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener { InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == "BccExtensions") { listener.EnableMeasurementEvents(instrument); } } };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (Equals(map.GetValueOrDefault("server.address"), Host))
            {
                durations.Enqueue((value, map));
            }
        });
        meters.Start();
        await using TestHost host = TestHost.Create(
            (_, attempt) => attempt == 1 ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty) : StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}", "req-42"),
            new Dictionary<string, string?> { ["Bcc:Endpoint"] = "https://" + Host });

        await host.RunAsync(host.Client.Zones.ListAsync());

        Activity span = Assert.Single(spans);
        Assert.Equal("BCC ListZones", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("req-42", span.GetTagItem("bcc.request_id"));
        (double seconds, Dictionary<string, object?> tags) = Assert.Single(durations);
        Assert.True(seconds >= 0.3, $"the retry delay is part of the duration: {seconds}");
        Assert.Equal("ListZones", tags["bcc.operation"]);
        Assert.Equal(200, tags["http.response.status_code"]);
    }
}
