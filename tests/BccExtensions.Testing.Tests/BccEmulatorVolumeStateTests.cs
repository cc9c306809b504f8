using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>What changes a volume shows through the operations that read it: attributes, tags, protection, billing, policies, clusters.</summary>
public sealed class BccEmulatorVolumeStateTests
{
    [Fact]
    public async Task AttributesAndTags_ShowInTheV2AndV3Details_AndInTheV3List()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string volume = await BccEmulatorInstanceStateTests.NewVolumeAsync(bcc);

        await bcc.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?modify", new { cdsName = "logs", desc = "app logs" });
        await bcc.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}/tag?bind", new { changeTags = new[] { new { tagKey = "env", tagValue = "prod" } } });

        JsonNode v2 = (await bcc.GetAsync($"/v2/volume/{volume}"))["volume"]!;
        Assert.Equal(("logs", "app logs", "env"), (v2["name"]!.GetValue<string>(), v2["desc"]!.GetValue<string>(), v2["tags"]![0]!["tagKey"]!.GetValue<string>()));
        JsonNode v3 = await bcc.GetAsync($"/v3/volume/{volume}");
        Assert.Equal("prod", v3["volume"]!["tags"]![0]!["tagValue"]!.GetValue<string>());
        Assert.Equal("logs", (await bcc.GetAsync("/v3/volume?volumeName=logs"))["volumes"]![0]!["volumeName"]!.GetValue<string>());

        await bcc.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}/tag?unbind", new { changeTags = new[] { new { tagKey = "env", tagValue = "prod" } } });
        Assert.Empty((await bcc.GetAsync($"/v2/volume/{volume}"))["volume"]!["tags"]!.AsArray());
    }

    [Fact]
    public async Task DeleteProtection_RefusesARelease_WithBccsError_UntilTurnedOff()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string volume = await BccEmulatorInstanceStateTests.NewVolumeAsync(bcc);

        await bcc.SendAsync(HttpMethod.Post, "/v2/volume/modify/deleteProtection", new { volumeIds = new[] { volume }, enableDeleteProtection = true });

        Assert.True((await bcc.GetAsync($"/v2/volume/{volume}"))["volume"]!["enableDeleteProtection"]!.GetValue<bool>());
        Assert.Equal("Volume.DeleteProtection", await bcc.RefusedAsync(HttpMethod.Delete, $"/v2/volume/{volume}", null, HttpStatusCode.Forbidden));
        // Off on the older path, which Baidu's Go, Java and Python SDKs send.
        await bcc.SendAsync(HttpMethod.Post, "/v2/volume/modifyDeleteProtection", new { volumeIds = new[] { volume }, enableDeleteProtection = false });
        Assert.Equal("ModifyVolumeDeleteProtectionV2", bcc.Api.LastOperation);
        await bcc.SendAsync(HttpMethod.Delete, $"/v2/volume/{volume}");
    }

    [Fact]
    public async Task ChargeTypeAndAutoRenew_ShowInTheDetail_AndARepeatedChangeIsRefused()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string volume = await BccEmulatorInstanceStateTests.NewVolumeAsync(bcc);

        await bcc.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?modifyChargeType", new { billing = new { paymentTiming = "Prepaid", reservation = new { reservationLength = 2 } } });
        await bcc.SendAsync(HttpMethod.Post, "/v2/volume/autoRenew", new { volumeId = volume, renewTime = 3, renewTimeUnit = "month" });

        JsonNode detail = (await bcc.GetAsync($"/v2/volume/{volume}"))["volume"]!;
        Assert.Equal("Prepaid", detail["paymentTiming"]!.GetValue<string>());
        Assert.Equal(bcc.Time.GetUtcNow().AddMonths(2).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), detail["expireTime"]!.GetValue<string>());
        Assert.True(detail["enableAutoRenew"]!.GetValue<bool>());
        Assert.Equal("Volume.PaymentTypeNotSupportToPrepay", await bcc.RefusedAsync(HttpMethod.Put, $"/v2/volume/{volume}?modifyChargeType", new { billing = new { paymentTiming = "Prepaid" } }, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task AutoSnapshotPolicy_AttachedToVolumes_CountsThem_AndShowsInTheV3Detail()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string volume = await BccEmulatorInstanceStateTests.NewVolumeAsync(bcc);
        string policy = (await bcc.SendAsync(HttpMethod.Post, "/v2/asp", new { name = "nightly", timePoints = new[] { "2" }, repeatWeekdays = new[] { "0", "3" }, retentionDays = "7" }))["aspId"]!.GetValue<string>();

        await bcc.SendAsync(HttpMethod.Put, $"/v2/asp/{policy}?attach", new { volumeIds = new[] { volume } });

        Assert.Equal(1, (await bcc.GetAsync($"/v2/asp/{policy}"))["autoSnapshotPolicy"]!["volumeCount"]!.GetValue<int>());
        Assert.Equal(policy, (await bcc.GetAsync($"/v3/volume/{volume}"))["volume"]!["autoSnapshotPolicyId"]!.GetValue<string>());

        await bcc.SendAsync(HttpMethod.Delete, $"/v2/asp/{policy}");
        Assert.Equal(string.Empty, (await bcc.GetAsync($"/v3/volume/{volume}"))["volume"]!["autoSnapshotPolicyId"]?.GetValue<string>() ?? string.Empty);
        await bcc.Api.SendAsync(HttpMethod.Get, $"/v2/asp/{policy}", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task VolumeCluster_CountsTheVolumesCreatedInIt_AndRefusesMoreThanItHolds()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string cluster = (await bcc.SendAsync(HttpMethod.Post, "/v2/volume/cluster", new { zoneName = "cn-bj-a", clusterSizeInGB = 100, billing = new { paymentTiming = "Prepaid" } }))["clusterIds"]![0]!.GetValue<string>();

        string volume = (await bcc.SendAsync(HttpMethod.Post, "/v2/volume", new { cdsSizeInGB = 60, clusterId = cluster, billing = new { paymentTiming = "Postpaid" } }))["volumeIds"]![0]!.GetValue<string>();

        JsonNode detail = await bcc.GetAsync($"/v2/volume/cluster/{cluster}");
        Assert.Equal((60, 40, 1), (detail["usedCapacity"]!.GetValue<int>(), detail["availableCapacity"]!.GetValue<int>(), detail["createdVolumeNum"]!.GetValue<int>()));
        Assert.Equal([volume], detail["affiliatedCDSNumber"]!.AsArray().Select(v => v!.GetValue<string>()));
        await bcc.Api.SendAsync(HttpMethod.Post, "/v2/volume", new { cdsSizeInGB = 50, clusterId = cluster, billing = new { paymentTiming = "Postpaid" } }, HttpStatusCode.BadRequest);
    }
}
