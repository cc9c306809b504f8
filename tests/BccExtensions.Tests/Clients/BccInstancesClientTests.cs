using System.Net;
using System.Text.Json;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Clients;

public class BccInstancesClientTests
{
    private const string InstanceJson = """
        {"id":"i-abc","name":"web-1","status":"Running","spec":"bcc.g5.c2m8","cpuCount":2,"memoryCapacityInGB":"8",
         "zoneName":"cn-bj-a","internalIp":"192.168.0.4","publicIp":"","imageId":"m-1","paymentTiming":"Postpaid",
         "createTime":"2024-01-02T03:04:05Z","expireTime":"","cardCount":0,"netEthQueueCount":"2",
         "Ipv6Addresses":["240c::1"],"tags":[{"tagKey":"env","tagValue":"prod"}],"somethingNew":{"x":1}}
        """;

    [Fact]
    public async Task GetAsync_RealisticBody_ParsesQuirksLeniently()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"instance\":" + InstanceJson + "}"));

        BccInstance instance = await host.Client.Instances.GetAsync("i-abc");

        Assert.Equal("/v2/instance/i-abc", host.Stub.Requests[0].Uri.AbsolutePath);
        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Equal(8, instance.MemoryCapacityInGB);
        Assert.Equal("0", instance.CardCount);
        Assert.Equal(PaymentTiming.Postpaid, instance.PaymentTiming);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), instance.CreateTime);
        Assert.Null(instance.ExpireTime);
        Assert.Equal(["240c::1"], instance.Ipv6Addresses);
        Assert.Equal("prod", Assert.Single(instance.Tags).TagValue);
    }

    [Fact]
    public async Task ListAsync_SeveralPages_FollowsMarkersWithFilters()
    {
        await using TestHost host = TestHost.Create((request, attempt) => StubHandler.Json(HttpStatusCode.OK, attempt switch
        {
            1 => """{"marker":"","isTruncated":true,"nextMarker":"i-2","maxKeys":1,"instances":[{"id":"i-1","status":"Running"}]}""",
            2 => """{"marker":"i-2","isTruncated":true,"nextMarker":"i-3","maxKeys":1,"instances":[{"id":"i-2","status":"Stopped"}]}""",
            _ => """{"marker":"i-3","isTruncated":false,"maxKeys":1,"instances":[{"id":"i-3","status":"Running"}]}""",
        }));

        var ids = new List<string>();
        await foreach (BccInstance instance in host.Client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = 1, ZoneName = "cn-bj-a", InstanceIds = ["i-1", "i-2", "i-3"], Status = InstanceStatus.Running }))
        {
            ids.Add(instance.Id!);
        }

        Assert.Equal(["i-1", "i-2", "i-3"], ids);
        Assert.Equal("?maxKeys=1&zoneName=cn-bj-a&instanceIds=i-1%2Ci-2%2Ci-3&status=Running", host.Stub.Requests[0].Uri.Query);
        Assert.StartsWith("?marker=i-2&", host.Stub.Requests[1].Uri.Query, StringComparison.Ordinal);
        Assert.StartsWith("?marker=i-3&", host.Stub.Requests[2].Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Cancelled_StopsAtOnceAndRequestsNoFurtherPage()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"isTruncated":true,"nextMarker":"next","instances":[{"id":"i-1"},{"id":"i-2"}]}"""));
        using var cts = new CancellationTokenSource();

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (BccInstance instance in host.Client.Instances.ListAsync(cancellationToken: cts.Token))
            {
                seen.Add(instance.Id!);
                cts.Cancel();
            }
        });

        Assert.Equal(["i-1"], seen);
        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task ListPageAsync_ReturnsOnePageWithItsMarkers()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"marker":"a","isTruncated":true,"nextMarker":"b","maxKeys":2,"instances":[{"id":"i-1"}]}"""));

        BccPage<BccInstance> page = await host.Client.Instances.ListPageAsync(new ListInstancesRequest { Marker = "a", MaxKeys = 2 });

        Assert.Equal("b", page.NextMarker);
        Assert.True(page.IsTruncated);
        Assert.Equal(2, page.MaxKeys);
        Assert.Equal("?marker=a&maxKeys=2", host.Stub.Requests[0].Uri.Query);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ListAsync_MaxKeysOutOfRange_ThrowsBeforeEnumeration(int maxKeys)
    {
        await using TestHost host = TestHost.Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => host.Client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = maxKeys }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = maxKeys }));
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task CreateAsync_SendsSpecBodyEncryptedPasswordAndClientToken()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"instanceIds":["i-1","i-2"],"orderId":"o-1"}"""));

        CreateInstanceResponse result = await host.Client.Instances.CreateAsync(new CreateInstanceRequest
        {
            Billing = BccBilling.Postpaid,
            Spec = "bcc.g5.c2m8",
            ImageId = "m-abc",
            ZoneName = "cn-bj-a",
            PurchaseCount = 2,
            AdminPassword = "Pa55word!",
            Name = "web",
            Tags = [new BccTag { TagKey = "env", TagValue = "prod" }],
            ClientToken = "my-token-1",
        });

        RecordedRequest sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v2/instanceBySpec", sent.Uri.AbsolutePath);
        Assert.Equal("?clientToken=my-token-1", sent.Uri.Query);
        using JsonDocument body = JsonDocument.Parse(sent.Body!);
        JsonElement root = body.RootElement;
        Assert.Equal("bcc.g5.c2m8", root.GetProperty("spec").GetString());
        Assert.Equal("Postpaid", root.GetProperty("billing").GetProperty("paymentTiming").GetString());
        Assert.Equal(2, root.GetProperty("purchaseCount").GetInt32());
        Assert.False(root.TryGetProperty("clientToken", out _));
        Assert.False(root.TryGetProperty("keypairId", out _));
        string encrypted = root.GetProperty("adminPass").GetString()!;
        Assert.DoesNotContain("Pa55word!", sent.Body!, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]+$", encrypted);
        Assert.Equal("Pa55word!", TestHost.DecryptPassword(encrypted));
        Assert.Equal(["i-1", "i-2"], result.InstanceIds);
        Assert.Equal("application/json; charset=utf-8", sent.Header("Content-Type"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("i-1/../i-2")]
    [InlineData("i-1?start")]
    [InlineData("i-1#x")]
    [InlineData("i-1\r\nX-Evil: 1")]
    [InlineData("..")]
    [InlineData("i-%2F")]
    public async Task Operations_MalformedInstanceId_ThrowBeforeAnyRequest(string instanceId)
    {
        await using TestHost host = TestHost.Create();
        IBccInstancesClient instances = host.Client.Instances;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => instances.GetAsync(instanceId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => instances.StartAsync(instanceId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => instances.StopAsync(instanceId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => instances.RebootAsync(instanceId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => instances.ReleaseAsync(instanceId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => instances.WaitForStatusAsync(instanceId, InstanceStatus.Running));
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task IdOnlyCalls_TokenPassedPositionally_SendTheSameRequestsAsWithoutIt()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"instances":[]}"""));
        using var cancellation = new CancellationTokenSource();

        await host.Client.Instances.StopAsync("i-1", cancellation.Token);
        await host.Client.Instances.RebootAsync("i-1", cancellation.Token);
        await host.Client.Instances.StopAsync("i-1");
        await host.Client.Instances.ListPageAsync(cancellation.Token);

        Assert.Equal(["PUT /v2/instance/i-1?stop", "PUT /v2/instance/i-1?reboot", "PUT /v2/instance/i-1?stop", "GET /v2/instance"], host.Stub.Requests.Select(r => r.Method + " " + r.Uri.PathAndQuery));
        Assert.Equal(host.Stub.Requests[0].Body, host.Stub.Requests[2].Body);
    }

    [Fact]
    public async Task CreateAsync_MissingRequiredMembers_ThrownByTheCallBeforeAnyRequest()
    {
        await using TestHost host = TestHost.Create();

        UsageError.ThrownByTheCall(() => host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = " ", ImageId = "m-1", ZoneName = "cn-bj-a" }));
        UsageError.ThrownByTheCall(() => host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "s", ImageId = "m-1", ZoneName = "cn-bj-a", ClientToken = new string('x', 65) }));
        UsageError.ThrownByTheCall(() => host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "s", ImageId = "m-1", ZoneName = "cn-bj-a", PurchaseCount = 0 }));
        UsageError.ThrownByTheCall(() => host.Client.Instances.GetAsync("i-1/../i-2"));
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task Actions_UseTheDocumentedMethodsPathsAndBodies()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, string.Empty));
        IBccInstancesClient instances = host.Client.Instances;

        await instances.StartAsync("i-1");
        await instances.StopAsync("i-1", new StopInstanceRequest { ForceStop = true });
        await instances.RebootAsync("i-1");
        await instances.ReleaseAsync("i-1");

        string[] lines = host.Stub.Requests.Select(r => $"{r.Method} {r.Uri.PathAndQuery} {r.Body}").ToArray();
        Assert.Equal(
            ["PUT /v2/instance/i-1?start ", "PUT /v2/instance/i-1?stop {\"forceStop\":true}", "PUT /v2/instance/i-1?reboot {}", "DELETE /v2/instance/i-1 "],
            lines);
    }

    [Fact]
    public async Task WaitForStatusAsync_PollsUntilTheStatus()
    {
        await using TestHost host = TestHost.Create((_, attempt) => StubHandler.Json(HttpStatusCode.OK,
            "{\"instance\":{\"id\":\"i-1\",\"status\":\"" + (attempt < 3 ? "Starting" : "Running") + "\"}}"));

        BccInstance instance = await host.RunAsync(host.Client.Instances.WaitForStatusAsync("i-1", InstanceStatus.Running), TimeSpan.FromSeconds(1));

        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Equal(3, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task WaitForStatusAsync_NeverReached_TimesOut()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"instance\":{\"id\":\"i-1\",\"status\":\"Starting\"}}"));

        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() =>
            host.RunAsync(host.Client.Instances.WaitForStatusAsync("i-1", InstanceStatus.Running, TimeSpan.FromMinutes(1)), TimeSpan.FromSeconds(1)));

        Assert.Contains("Starting", error.Message, StringComparison.Ordinal);
        Assert.InRange(host.Stub.Requests.Count, 4, 12);
    }

    [Fact]
    public async Task WaitForStatusAsync_ErrorState_StopsAtOnce()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"instance\":{\"id\":\"i-1\",\"status\":\"Error\"}}"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.Instances.WaitForStatusAsync("i-1", InstanceStatus.Running));

        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task Zones_ListAsync_ReturnsTheZones()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"zones":[{"zoneName":"cn-bj-a"},{"zoneName":"cn-bj-b"}]}"""));

        IReadOnlyList<BccZone> zones = await host.Client.Zones.ListAsync();

        Assert.Equal(["cn-bj-a", "cn-bj-b"], zones.Select(z => z.ZoneName));
        Assert.Equal("/v2/zone", host.Stub.Requests[0].Uri.AbsolutePath);
    }
}
