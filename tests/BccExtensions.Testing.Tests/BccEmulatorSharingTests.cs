using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>Images, snapshots and security group rules beyond their lifecycle: sharing, copies, renames, chains, rules by id.</summary>
public sealed class BccEmulatorSharingTests
{
    [Fact]
    public async Task CustomImage_SharedRenamedAndCopied_ShowsInItsReads_WhileSystemImagesAreRefused()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string image = (await bcc.SendAsync(HttpMethod.Post, "/v2/image/import", new { name = "imported", osName = "Ubuntu", osVersion = "22.04", osArch = "x86_64", osType = "linux", bosUrl = "bos://images/ubuntu.qcow2" }))["id"]!.GetValue<string>();
        Assert.Equal("Creating", (await bcc.GetAsync($"/v2/image/{image}"))["image"]!["status"]!.GetValue<string>());
        bcc.Settle();

        await bcc.SendAsync(HttpMethod.Post, $"/v2/image/{image}?share", new { accountId = "partner-1" });
        await bcc.SendAsync(HttpMethod.Post, $"/v2/image/{image}?share", new { accountId = "partner-1" });
        await bcc.SendAsync(HttpMethod.Put, "/v2/image/rename", new { imageId = image, name = "golden" });
        JsonNode copies = await bcc.SendAsync(HttpMethod.Post, $"/v2/image/{image}?remoteCopy", new { name = "golden", destRegion = new[] { "gz", "su" } });

        Assert.Equal(["partner-1"], (await bcc.GetAsync($"/v2/image/{image}/sharedUsers"))["users"]!.AsArray().Select(u => u!["accountId"]!.GetValue<string>()));
        Assert.Equal("golden", (await bcc.GetAsync($"/v2/image/{image}"))["image"]!["name"]!.GetValue<string>());
        Assert.Equal(["gz", "su"], copies["result"]!.AsArray().Select(r => r!["region"]!.GetValue<string>()));
        await bcc.Api.SendAsync(HttpMethod.Post, $"/v2/image/{image}?remoteCopy", new { destRegion = new[] { "bj" } }, HttpStatusCode.BadRequest);
        Assert.Equal("Image.OperationForbidden", await bcc.RefusedAsync(HttpMethod.Post, "/v2/image/m-ubuntu2204?share", new { accountId = "partner-1" }, HttpStatusCode.Forbidden));

        await bcc.SendAsync(HttpMethod.Post, $"/v2/image/{image}?unshare", new { accountId = "partner-1" });
        Assert.Empty((await bcc.GetAsync($"/v2/image/{image}/sharedUsers"))["users"]!.AsArray());
        await bcc.Api.SendAsync(HttpMethod.Post, $"/v2/image/{image}?unshare", new { accountId = "partner-1" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImageCatalogue_AnswersFromTheImageTable_AndTheInstancesOs()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("web");

        JsonNode bySpec = await bcc.GetAsync("/v2/image/getAvailableImagesBySpec?spec=bcc.g5.c2m8&osName=Ubuntu");
        JsonNode os = await bcc.SendAsync(HttpMethod.Post, "/v2/image/os", new { instanceIds = new[] { instance } });

        Assert.Equal(["m-ubuntu2204"], bySpec["images"]!.AsArray().Select(i => i!["imageId"]!.GetValue<string>()));
        JsonNode pythonSpelling = await bcc.GetAsync("/v2/image/getAvailableImageBySpec?spec=bcc.g5.c2m8&osName=Ubuntu"); // Baidu's Python SDK
        Assert.Equal(bySpec.ToJsonString(), pythonSpelling.ToJsonString());
        Assert.Equal(instance, os["osInfo"]![0]!["instanceId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(os["osInfo"]![0]!["osName"]!.GetValue<string>()));
        await bcc.Api.SendAsync(HttpMethod.Get, "/v2/image/getAvailableImagesBySpec?spec=bcc.nope", expected: HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Snapshot_SharedModifiedAndChained_ShowsInItsReads()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string volume = await BccEmulatorInstanceStateTests.NewVolumeAsync(bcc, sizeInGB: 40);
        string snapshot = (await bcc.SendAsync(HttpMethod.Post, "/v2/snapshot", new { volumeId = volume, snapshotName = "s1" }))["snapshotId"]!.GetValue<string>();
        Assert.Equal("Snapshot.ShareOperationForbidden", await bcc.RefusedAsync(HttpMethod.Post, "/v2/snapshot/share", new { snapshotId = snapshot, accountIds = new[] { "partner-1" } }, HttpStatusCode.Conflict));
        bcc.Settle();

        await bcc.SendAsync(HttpMethod.Put, $"/v2/snapshot/{snapshot}?modifyAttribute", new { snapshotName = "before-upgrade", desc = "kept a week", retentionInDays = 7 });
        await bcc.SendAsync(HttpMethod.Post, "/v2/snapshot/share", new { snapshotId = snapshot, accountIds = new[] { "partner-1", "partner-2" } });

        JsonNode detail = (await bcc.GetAsync($"/v2/snapshot/{snapshot}"))["snapshot"]!;
        Assert.Equal(("before-upgrade", "kept a week"), (detail["name"]!.GetValue<string>(), detail["desc"]!.GetValue<string>()));
        Assert.NotEqual(string.Empty, detail["expireTime"]!.GetValue<string>());
        JsonArray shares = (await bcc.SendAsync(HttpMethod.Post, "/v2/snapshot/snapshotShare/list", new { }))["result"]!.AsArray();
        Assert.Equal(["partner-1", "partner-2"], shares.Select(s => s!["accountId"]!.GetValue<string>()));
        Assert.All(shares, s => Assert.Equal(("before-upgrade", 40), (s!["name"]!.GetValue<string>(), s["sizeInGB"]!.GetValue<int>())));
        JsonNode usage = await bcc.SendAsync(HttpMethod.Post, "/v2/snapshot/describeSnapshotsUsage", new { });
        Assert.Equal((1, 40), (usage["snapshotCount"]!.GetValue<int>(), usage["snapshotCapacity"]!.GetValue<int>()));

        JsonNode chain = (await bcc.GetAsync("/v2/snapshot/chain"))["snapchains"]![0]!;
        Assert.Equal((volume, 1), (chain["volumeId"]!.GetValue<string>(), chain["manualSnapCount"]!.GetValue<int>()));
        string chainId = chain["chainId"]!.GetValue<string>();
        await bcc.SendAsync(HttpMethod.Put, $"/v2/snapshot/chain/{chainId}/tag?bind", new { changeTags = new[] { new { tagKey = "k" } } });
        Assert.Equal(chainId, (await bcc.GetAsync("/v2/snapshot/chain"))["snapchains"]![0]!["chainId"]!.GetValue<string>());

        await bcc.SendAsync(HttpMethod.Post, "/v2/snapshot/unShare", new { sourceSnapshotId = snapshot, accountIds = new[] { "partner-1" } });
        Assert.Equal(["partner-2"], (await bcc.SendAsync(HttpMethod.Post, "/v2/snapshot/snapshotShare/list", new { }))["result"]!.AsArray().Select(s => s!["accountId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SecurityGroupRule_UpdatedAndDeletedById_ShowsInTheDetailAndBumpsTheVersion()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string group = (await bcc.SendAsync(HttpMethod.Post, "/v2/securityGroup", new { name = "web", rules = new[] { new { direction = "ingress", protocol = "tcp", portRange = "22", sourceIp = "10.0.0.0/8" } } }))["securityGroupId"]!.GetValue<string>();
        JsonNode before = await bcc.GetAsync($"/v2/securityGroup/{group}");
        string rule = before["rules"]![0]!["securityGroupRuleId"]!.GetValue<string>();

        await bcc.SendAsync(HttpMethod.Put, "/v2/securityGroup/rule/update", new { securityGroupRuleId = rule, portRange = "443", remark = "https" });

        JsonNode after = await bcc.GetAsync($"/v2/securityGroup/{group}");
        Assert.Equal(("443", "https", "10.0.0.0/8"), (after["rules"]![0]!["portRange"]!.GetValue<string>(), after["rules"]![0]!["remark"]!.GetValue<string>(), after["rules"]![0]!["sourceIp"]!.GetValue<string>()));
        Assert.True(after["sgVersion"]!.GetValue<long>() > before["sgVersion"]!.GetValue<long>());

        await bcc.SendAsync(HttpMethod.Delete, $"/v2/securityGroup/rule/{rule}");
        Assert.Empty((await bcc.GetAsync($"/v2/securityGroup/{group}"))["rules"]!.AsArray());
        await bcc.Api.SendAsync(HttpMethod.Delete, $"/v2/securityGroup/rule/{rule}", expected: HttpStatusCode.NotFound);
    }
}
