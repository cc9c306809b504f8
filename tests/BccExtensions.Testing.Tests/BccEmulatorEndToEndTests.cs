using System.Net;
using BccExtensions.Testing;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

public class BccEmulatorEndToEndTests
{
    private static readonly TimeSpan Transition = new BccEmulatorOptions().TransitionDelay;

    private static CreateInstanceRequest Web(int count = 1, string? password = "Pa55word!") => new()
    {
        Billing = BccBilling.Postpaid,
        Spec = "bcc.g5.c2m8",
        ImageId = "m-ubuntu2204",
        ZoneName = "cn-bj-a",
        PurchaseCount = count,
        Name = "web",
        AdminPassword = password,
        Tags = [new BccTag { TagKey = "env", TagValue = "test" }],
    };

    [Fact]
    public async Task Instances_FullLifecycle_FollowsBccStateRules()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        IBccInstancesClient instances = host.Client.Instances;

        IReadOnlyList<BccZone> zones = await host.Client.Zones.ListAsync();
        CreateInstanceResponse created = await instances.CreateAsync(Web());
        string id = Assert.Single(created.InstanceIds);
        Assert.Equal(InstanceStatus.Starting, (await instances.GetAsync(id)).Status);

        // Transitions complete on the emulator's clock; advancing it by the transition delay settles each one,
        // so every wait returns on its first poll.
        host.Time.Advance(Transition);
        BccInstance running = await instances.WaitForStatusAsync(id, InstanceStatus.Running);
        BccServiceException refused = await Assert.ThrowsAsync<BccServiceException>(() => instances.StartAsync(id));
        await instances.StopAsync(id, new StopInstanceRequest { ForceStop = true });
        Assert.Equal(InstanceStatus.Stopping, (await instances.GetAsync(id)).Status);
        host.Time.Advance(Transition);
        await instances.WaitForStatusAsync(id, InstanceStatus.Stopped);
        await instances.StartAsync(id);
        host.Time.Advance(Transition);
        await instances.WaitForStatusAsync(id, InstanceStatus.Running);
        await instances.RebootAsync(id);
        Assert.Equal(InstanceStatus.Starting, (await instances.GetAsync(id)).Status);
        host.Time.Advance(Transition);
        await instances.WaitForStatusAsync(id, InstanceStatus.Running);
        await instances.ReleaseAsync(id);
        BccServiceException gone = await Assert.ThrowsAsync<BccServiceException>(() => instances.GetAsync(id));

        Assert.Contains(zones, z => z.ZoneName == "cn-bj-a");
        Assert.Equal("bcc.g5.c2m8", running.Spec);
        Assert.Equal(8, running.MemoryCapacityInGB);
        Assert.Equal("test", Assert.Single(running.Tags).TagValue);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(BccErrorCodes.InstanceStartForbidden, refused.ErrorCode);
        Assert.False(string.IsNullOrEmpty(refused.RequestId));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(host.Emulator.InstanceIds);
    }

    [Fact]
    public async Task ListAsync_ManyPages_ReturnsEveryInstanceOnceWithFilters()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        for (int i = 0; i < 7; i++)
        {
            host.Emulator.SeedInstance("app-" + i, zoneName: i % 2 == 0 ? "cn-bj-a" : "cn-bj-b");
        }

        var all = new List<BccInstance>();
        await foreach (BccInstance instance in host.Client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = 2 }))
        {
            all.Add(instance);
        }

        var zoneA = new List<string>();
        await foreach (BccInstance instance in host.Client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = 3, ZoneName = "cn-bj-a" }))
        {
            zoneA.Add(instance.Name!);
        }

        BccPage<BccInstance> first = await host.Client.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = 3 });
        BccPage<BccInstance> last = await host.Client.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = 3, Marker = host.Emulator.InstanceIds[6] });

        Assert.Equal(host.Emulator.InstanceIds, all.Select(i => i.Id));
        Assert.Equal(["app-0", "app-2", "app-4", "app-6"], zoneA);
        Assert.True(first.IsTruncated);
        Assert.Equal(host.Emulator.InstanceIds[3], first.NextMarker);
        Assert.Equal(3, first.Items.Count);
        Assert.False(last.IsTruncated);
        Assert.Null(last.NextMarker);
        Assert.Equal("app-6", Assert.Single(last.Items).Name);
        Assert.Equal(4, host.Emulator.Journal.Count(r => r.Path == "/v2/instance" && r.QueryValue("maxKeys") == "2"));
    }

    [Fact]
    public async Task ListAsync_CancelledWhilePaging_SendsNoFurtherRequest()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            host.Emulator.SeedInstance("app-" + i);
        }

        using var cts = new CancellationTokenSource();
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (BccInstance _ in host.Client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = 2 }, cts.Token))
            {
                if (++seen == 3)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal(2, host.Emulator.Journal.Count);
    }

    [Fact]
    public async Task CreateAsync_PasswordArrivesEncryptedAndDecryptsServerSide()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["Bcc:SecretAccessKey"] = "wrong-secret-0123456789abcdef" });

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Instances.CreateAsync(Web()));

        Assert.Equal(BccErrorCodes.SignatureDoesNotMatch, error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty(host.Emulator.InstanceIds);
    }

    [Fact]
    public async Task AnyCall_UnknownAccessKey_InvalidAccessKeyId()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["Bcc:AccessKeyId"] = "nobody" });

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Zones.ListAsync());

        Assert.Equal(BccErrorCodes.InvalidAccessKeyId, error.ErrorCode);
    }

    [Fact]
    public async Task CreateAsync_InjectedUnavailableAndLostResponse_CreatesExactlyTheRequestedInstances()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Faults.FailNext(2, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", method: HttpMethod.Post, pathPrefix: "/v2/instanceBySpec");
        host.Emulator.Faults.AbortNext(1, afterProcessing: true, method: HttpMethod.Post, pathPrefix: "/v2/instanceBySpec");

        CreateInstanceResponse created = await host.RunAsync(host.Client.Instances.CreateAsync(Web(count: 3)));

        BccEmulatorRequest[] creates = host.Emulator.Journal.Where(r => r.Path == "/v2/instanceBySpec").ToArray();
        Assert.Equal(4, creates.Length);
        Assert.Single(creates.Select(r => r.QueryValue("clientToken")).Distinct());
        Assert.Equal(3, created.InstanceIds.Count);
        Assert.Equal(created.InstanceIds, host.Emulator.InstanceIds);
    }

    [Fact]
    public async Task Faults_TargetAnOperationByName_OthersOnTheSamePathUntouched_JournalNamesEach()
    {
        // GetInstance and StopInstance share /v2/instance/{instanceId}; a fault by name hits only the stop.
        await using EmulatorHost host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["Bcc:DisableRetries"] = "true" });
        string id = host.Emulator.SeedInstance("web");
        host.Emulator.Faults.FailNext(1, HttpStatusCode.Forbidden, "AccessDenied", operation: "StopInstance");

        BccInstance instance = await host.Client.Instances.GetAsync(id);
        BccServiceException refused = await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Instances.StopAsync(id, CancellationToken.None));
        await host.Client.Instances.StopAsync(id, CancellationToken.None);

        Assert.Equal(id, instance.Id);
        Assert.Equal("AccessDenied", refused.ErrorCode);
        Assert.Equal(["GetInstance", "StopInstance", "StopInstance"], host.Emulator.Journal.Select(r => r.Operation));
    }

    [Fact]
    public async Task Journal_RequestMatchingNoOperation_HasNoOperationName()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        using var http = new HttpClient();

        using HttpResponseMessage unknown = await http.GetAsync(new Uri(host.Emulator.Endpoint, "/v2/nothing/here"));
        using HttpResponseMessage unsigned = await http.GetAsync(new Uri(host.Emulator.Endpoint, "/v2/zone"));

        Assert.False(unknown.IsSuccessStatusCode);
        Assert.Equal([null, "ListZones"], host.Emulator.Journal.Select(r => r.Operation));
    }

    [Fact]
    public async Task AnyCall_ServerClockTwentyMinutesAhead_CorrectedFromTheDateHeader()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Faults.ClockOffset = TimeSpan.FromMinutes(45);

        await host.Client.Zones.ListAsync();
        await host.Client.Zones.ListAsync();

        Assert.Equal(3, host.Emulator.Journal.Count);
        Assert.Equal("2024-01-02T03:04:05Z", host.Emulator.Journal[0].Headers["x-bce-date"]);
        Assert.Equal("2024-01-02T03:49:05Z", host.Emulator.Journal[1].Headers["x-bce-date"]);
        Assert.Equal("2024-01-02T03:49:05Z", host.Emulator.Journal[2].Headers["x-bce-date"]);
    }

    [Fact]
    public async Task Sts_RotatingCredentials_SignBccCallsAndRotateBeforeExpiry()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Configuration["Bcc:Sts:Enabled"] = "true";
        host.Configuration["Bcc:Sts:Endpoint"] = host.Emulator.Endpoint.ToString();
        host.Configuration["Bcc:Sts:DurationSeconds"] = "900";
        host.Configuration["Bcc:Sts:RefreshBefore"] = "00:01:00";
        host.Configuration.Reload();

        for (int round = 0; round < 4; round++)
        {
            await host.Client.Zones.ListAsync();
            host.Time.Advance(TimeSpan.FromSeconds(450));
            await host.Client.Zones.ListAsync();
            await FakeClockDriver.WaitUntilAsync(() => host.Emulator.Journal.Count(r => r.Path == "/v1/sessionToken") >= round + 1, "the STS call");
            host.Time.Advance(TimeSpan.FromSeconds(420));
        }

        BccEmulatorRequest[] sts = host.Emulator.Journal.Where(r => r.Path == "/v1/sessionToken").ToArray();
        BccEmulatorRequest[] bcc = host.Emulator.Journal.Where(r => r.Path == "/v2/zone").ToArray();
        Assert.InRange(sts.Length, 4, 5);
        Assert.Equal(8, bcc.Length);
        Assert.All(bcc, r => Assert.True(r.Headers.ContainsKey("x-bce-date")));
    }

    [Fact]
    public async Task Sts_TemporaryKeysExpireWithoutRefresh_EmulatorRefuses()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        using var stsRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Emulator.Endpoint, "/v1/sessionToken?durationSeconds=60"));
        var issued = await SendSignedAsync(host, stsRequest, new BceCredentials(host.Emulator.AccessKeyId, host.Emulator.SecretAccessKey));
        using System.Text.Json.JsonDocument body = System.Text.Json.JsonDocument.Parse(issued);
        var temporary = new BceCredentials(
            body.RootElement.GetProperty("accessKeyId").GetString()!,
            body.RootElement.GetProperty("secretAccessKey").GetString()!,
            body.RootElement.GetProperty("sessionToken").GetString());

        string ok = await SendSignedAsync(host, new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.Endpoint, "/v2/zone")), temporary);
        host.Time.Advance(TimeSpan.FromSeconds(61));
        string expired = await SendSignedAsync(host, new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.Endpoint, "/v2/zone")), temporary, HttpStatusCode.Forbidden);
        string withoutToken = await SendSignedAsync(host, new HttpRequestMessage(HttpMethod.Get, new Uri(host.Emulator.Endpoint, "/v2/zone")), new BceCredentials(temporary.AccessKeyId, temporary.SecretAccessKey), HttpStatusCode.Forbidden);

        Assert.Contains("cn-bj-a", ok, StringComparison.Ordinal);
        Assert.Contains("expired", expired, StringComparison.Ordinal);
        Assert.Contains("x-bce-security-token", withoutToken, StringComparison.Ordinal);
    }

    private static async Task<string> SendSignedAsync(EmulatorHost host, HttpRequestMessage request, BceCredentials credentials, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (request)
        {
            BccExtensions.Internal.Signing.BceSigningHandler.Sign(request, request.RequestUri!, credentials, host.Time.GetUtcNow(), new BceSigningOptions());
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, text);
            return text;
        }
    }

    [Fact]
    public async Task VolumesSnapshotsImages_GeneratedClient_FollowTheEmulatorsStatuses()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        string instance = host.Emulator.SeedInstance("db-1");
        IBccVolumesClient volumes = host.Client.Volumes;

        CreateVolumeResponse created = await volumes.CreateAsync(new CreateVolumeRequest { Billing = BccBilling.Postpaid, CdsSizeInGB = 50, StorageType = "enhanced_ssd_pl1", ZoneName = "cn-bj-a" });
        string volume = Assert.Single(created.VolumeIds);
        host.Time.Advance(Transition);
        await volumes.WaitForStatusAsync(volume, VolumeStatus.Available);
        AttachVolumeResponse attached = await volumes.AttachAsync(volume, new AttachVolumeRequest { InstanceId = instance });
        host.Time.Advance(Transition);
        BccVolume inUse = await volumes.WaitForStatusAsync(volume, VolumeStatus.InUse);

        CreateSnapshotResponse snapshot = await host.Client.Snapshots.CreateAsync(new CreateSnapshotRequest { VolumeId = volume, SnapshotName = "nightly" });
        host.Time.Advance(Transition);
        BccSnapshot available = await host.Client.Snapshots.WaitForStatusAsync(snapshot.SnapshotId!, SnapshotStatus.Available);
        CreateImageResponse image = await host.Client.Images.CreateAsync(new CreateImageRequest { ImageName = "golden", InstanceId = instance });
        host.Time.Advance(Transition);
        BccImage golden = await host.Client.Images.WaitForStatusAsync(image.ImageId!, ImageStatus.Available);

        await volumes.DetachAsync(volume, new DetachVolumeRequest { InstanceId = instance });
        host.Time.Advance(Transition);
        await volumes.WaitForStatusAsync(volume, VolumeStatus.Available);
        await volumes.ReleaseAsync(volume);

        Assert.Equal("/dev/vdb", attached.VolumeAttachment!.Device);
        Assert.Equal((instance, 50), (inUse.Attachments.Single().InstanceId, inUse.DiskSizeInGB));
        Assert.Equal(volume, available.VolumeId);
        Assert.Equal("golden", golden.Name);
        BccServiceException gone = await Assert.ThrowsAsync<BccServiceException>(() => volumes.GetAsync(volume));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
