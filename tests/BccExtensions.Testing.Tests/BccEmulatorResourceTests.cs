using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing;
using BccExtensions.Testing.Tests.Helpers;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Testing.Tests;

/// <summary>The emulator's state rules for the resources beyond instances, driven through signed raw requests.</summary>
public sealed class BccEmulatorResourceTests : IAsyncLifetime
{
    private static readonly TimeSpan Transition = new BccEmulatorOptions().TransitionDelay;
    private readonly FakeTimeProvider _time = new(TestHost.Start);
    private BccEmulator _emulator = null!;
    private SignedEmulatorClient _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await BccEmulator.StartAsync(new BccEmulatorOptions { TimeProvider = _time });
        _api = new SignedEmulatorClient(_emulator, _time);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Volume_CreateAttachDetachResizeRelease_FollowsTheStatuses()
    {
        string instance = _emulator.SeedInstance("db-1");
        JsonNode created = (await _api.SendAsync(HttpMethod.Post, "/v2/volume?clientToken=v-1", new { cdsSizeInGB = 50, storageType = "enhanced_ssd_pl1", zoneName = "cn-bj-a", billing = new { paymentTiming = "Postpaid" } }))!;
        string volume = created["volumeIds"]![0]!.GetValue<string>();

        Assert.Equal("Creating", await VolumeStatus(volume));
        _time.Advance(Transition);
        Assert.Equal("Available", await VolumeStatus(volume));

        JsonNode attachment = (await _api.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?attach", new { instanceId = instance }))!;
        Assert.Equal("/dev/vdb", attachment["volumeAttachment"]!["device"]!.GetValue<string>());
        Assert.Equal("Attaching", await VolumeStatus(volume));
        await _api.SendAsync(HttpMethod.Delete, $"/v2/volume/{volume}", expected: HttpStatusCode.Conflict);
        await _api.SendAsync(HttpMethod.Delete, $"/v2/instance/{instance}", expected: HttpStatusCode.Conflict);
        _time.Advance(Transition);
        JsonNode listed = (await _api.SendAsync(HttpMethod.Get, $"/v2/volume?instanceId={instance}"))!;
        Assert.Equal("InUse", listed["volumes"]![0]!["status"]!.GetValue<string>());

        await _api.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?resize&clientToken=r-1", new { newCdsSizeInGB = 100 });
        Assert.Equal("Scaling", await VolumeStatus(volume));
        await _api.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?resize&clientToken=r-2", new { newCdsSizeInGB = 120 }, HttpStatusCode.Conflict);
        _time.Advance(Transition);
        await _api.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?resize&clientToken=r-3", new { newCdsSizeInGB = 80 }, HttpStatusCode.BadRequest);
        await _api.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?detach", new { instanceId = instance });
        _time.Advance(Transition);
        JsonNode detached = (await _api.SendAsync(HttpMethod.Get, $"/v2/volume/{volume}"))!;
        await _api.SendAsync(HttpMethod.Delete, $"/v2/volume/{volume}");

        Assert.Equal("Available", detached["volume"]!["status"]!.GetValue<string>());
        Assert.Equal(100, detached["volume"]!["diskSizeInGB"]!.GetValue<int>());
        Assert.Empty(detached["volume"]!["attachments"]!.AsArray());
        await _api.SendAsync(HttpMethod.Get, $"/v2/volume/{volume}", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SnapshotAndImage_CreatedFromVolumeAndInstance_BecomeAvailable()
    {
        string instance = _emulator.SeedInstance("web-1");
        string volume = (await _api.SendAsync(HttpMethod.Post, "/v2/volume", new { cdsSizeInGB = 20, billing = new { paymentTiming = "Postpaid" } }))!["volumeIds"]![0]!.GetValue<string>();
        _time.Advance(Transition);

        string snapshot = (await _api.SendAsync(HttpMethod.Post, "/v2/snapshot?clientToken=s-1", new { volumeId = volume, snapshotName = "before-upgrade" }))!["snapshotId"]!.GetValue<string>();
        string image = (await _api.SendAsync(HttpMethod.Post, "/v2/image?clientToken=i-1", new { imageName = "golden", instanceId = instance }))!["imageId"]!.GetValue<string>();
        Assert.Equal("Creating", (await _api.SendAsync(HttpMethod.Get, $"/v2/snapshot/{snapshot}"))!["snapshot"]!["status"]!.GetValue<string>());
        Assert.Equal("ImageProcessing", (await _api.SendAsync(HttpMethod.Get, $"/v2/instance/{instance}"))!["instance"]!["status"]!.GetValue<string>());
        _time.Advance(Transition);

        JsonNode snapshots = (await _api.SendAsync(HttpMethod.Get, $"/v2/snapshot?volumeId={volume}"))!;
        JsonNode custom = (await _api.SendAsync(HttpMethod.Get, "/v2/image?imageType=Custom"))!;
        string fromSnapshot = (await _api.SendAsync(HttpMethod.Post, "/v2/volume", new { snapshotId = snapshot, billing = new { paymentTiming = "Postpaid" } }))!["volumeIds"]![0]!.GetValue<string>();
        await _api.SendAsync(HttpMethod.Delete, "/v2/image/m-ubuntu2204", expected: HttpStatusCode.Conflict);
        await _api.SendAsync(HttpMethod.Delete, $"/v2/image/{image}");

        Assert.Equal("Available", snapshots["snapshots"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(20, snapshots["snapshots"]![0]!["sizeInGB"]!.GetValue<int>());
        Assert.Equal(image, custom["images"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("Ubuntu", custom["images"]![0]!["osName"]!.GetValue<string>());
        Assert.Equal(20, (await _api.SendAsync(HttpMethod.Get, $"/v2/volume/{fromSnapshot}"))!["volume"]!["diskSizeInGB"]!.GetValue<int>());
        Assert.Equal("Running", (await _api.SendAsync(HttpMethod.Get, $"/v2/instance/{instance}"))!["instance"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SecurityGroup_RulesAuthorizedRevokedAndDuplicatesRefused()
    {
        var ssh = new { direction = "ingress", protocol = "tcp", portRange = "22", sourceIp = "10.0.0.0/8", ethertype = "IPv4" };
        string group = (await _api.SendAsync(HttpMethod.Post, "/v2/securityGroup?clientToken=g-1", new { name = "web", rules = new[] { ssh } }))!["securityGroupId"]!.GetValue<string>();

        var https = new { direction = "ingress", protocol = "tcp", portRange = "443", sourceIp = "0.0.0.0/0", ethertype = "IPv4" };
        await _api.SendAsync(HttpMethod.Put, $"/v2/securityGroup/{group}?authorizeRule&clientToken=a-1", new { rule = https });
        await _api.SendAsync(HttpMethod.Put, $"/v2/securityGroup/{group}?authorizeRule&clientToken=a-2", new { rule = https }, HttpStatusCode.Conflict);
        await _api.SendAsync(HttpMethod.Put, $"/v2/securityGroup/{group}?revokeRule&clientToken=v-1", new { rule = ssh });
        JsonNode listed = (await _api.SendAsync(HttpMethod.Get, "/v2/securityGroup"))!;

        JsonNode only = Assert.Single(listed["securityGroups"]![0]!["rules"]!.AsArray())!;
        Assert.Equal("443", only["portRange"]!.GetValue<string>());
        Assert.StartsWith("r-", only["securityGroupRuleId"]!.GetValue<string>(), StringComparison.Ordinal);
        await _api.SendAsync(HttpMethod.Delete, $"/v2/securityGroup/{group}?clientToken=d-1");
        Assert.Empty((await _api.SendAsync(HttpMethod.Get, "/v2/securityGroup"))!["securityGroups"]!.AsArray());
    }

    [Fact]
    public async Task Keypair_CreateReturnsPrivateKeyOnce_ImportRenameDelete()
    {
        JsonNode created = (await _api.SendAsync(HttpMethod.Post, "/v2/keypair?clientToken=k-1", new { name = "ops", description = "operators" }))!;
        string id = created["keypair"]!["keypairId"]!.GetValue<string>();
        await _api.SendAsync(HttpMethod.Post, "/v2/keypair?clientToken=k-2", new { name = "ops" }, HttpStatusCode.Conflict);
        await _api.SendAsync(HttpMethod.Put, "/v2/keypair?import&clientToken=k-3", new { name = "laptop", publicKey = "ssh-ed25519 AAAAC3Nza laptop" });
        await _api.SendAsync(HttpMethod.Put, $"/v2/keypair/{id}?rename", new { name = "operators" });

        JsonNode fetched = (await _api.SendAsync(HttpMethod.Get, $"/v2/keypair/{id}"))!;
        JsonNode listed = (await _api.SendAsync(HttpMethod.Get, "/v2/keypair?maxKeys=1"))!;
        await _api.SendAsync(HttpMethod.Delete, $"/v2/keypair/{id}");

        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", created["keypair"]!["privateKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(fetched["keypair"]!["privateKey"]);
        Assert.Equal("operators", fetched["keypair"]!["name"]!.GetValue<string>());
        Assert.True(listed["isTruncated"]!.GetValue<bool>());
        Assert.Single((await _api.SendAsync(HttpMethod.Get, "/v2/keypair"))!["keypairs"]!.AsArray());
    }

    [Fact]
    public async Task DeploySet_CountsMembersAndRefusesDeleteWhileUsed()
    {
        string set = (await _api.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create?clientToken=d-1", new { name = "ha", strategy = "HOST_HA", concurrency = 2 }))!["deploySetIds"]![0]!.GetValue<string>();
        await _api.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create?clientToken=d-2", new { strategy = "ANYWHERE" }, HttpStatusCode.BadRequest);
        JsonNode created = (await _api.SendAsync(HttpMethod.Post, "/v2/instanceBySpec?clientToken=c-1", new { spec = "bcc.g5.c2m8", imageId = "m-ubuntu2204", zoneName = "cn-bj-a", billing = new { paymentTiming = "Postpaid" }, purchaseCount = 2, deployId = set }))!;

        JsonNode detail = (await _api.SendAsync(HttpMethod.Get, $"/v2/deployset/{set}"))!;
        await _api.SendAsync(HttpMethod.Delete, $"/v2/instance/deployset/{set}?clientToken=x-1", expected: HttpStatusCode.Conflict);
        JsonNode list = (await _api.SendAsync(HttpMethod.Get, "/v2/instance/deployset/list"))!;

        Assert.Equal(2, detail["instanceCount"]!.GetValue<int>());
        Assert.Equal(set, detail["shortId"]!.GetValue<string>());
        Assert.Equal("2", list["deploySets"]![0]!["instanceCount"]!.GetValue<string>());
        Assert.Equal(created["instanceIds"]!.AsArray().Select(n => n!.GetValue<string>()), detail["azIntstanceStatisList"]![0]!["instanceIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("HOST_HA", list["deploySets"]![0]!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public async Task InstanceActions_ResizeRebuildPasswordAndAttributes()
    {
        string id = _emulator.SeedInstance("app-1");
        string password = BccExtensions.Internal.Signing.BcePasswordBody.Encrypt("N3w-Pass!", _emulator.SecretAccessKey);

        await _api.SendAsync(HttpMethod.Put, $"/v2/instanceBySpec/{id}?resize&clientToken=z-1", new { spec = "bcc.g5.c4m16" });
        Assert.Equal("Scaling", (await _api.SendAsync(HttpMethod.Get, $"/v2/instance/{id}"))!["instance"]!["status"]!.GetValue<string>());
        _time.Advance(Transition);
        await _api.SendAsync(HttpMethod.Put, $"/v2/instance/{id}?rebuild", new { imageId = "m-rocky93", adminPass = password });
        await _api.SendAsync(HttpMethod.Put, $"/v2/instance/{id}?changePass", new { adminPass = "not-encrypted" }, HttpStatusCode.BadRequest);
        await _api.SendAsync(HttpMethod.Put, $"/v2/instance/{id}?changePass", new { adminPass = password });
        await _api.SendAsync(HttpMethod.Put, $"/v2/instance/{id}?modifyAttribute", new { name = "app-renamed" });
        await _api.SendAsync(HttpMethod.Put, $"/v2/instance/{id}?modifyDesc", new { desc = "rebuilt" });
        _time.Advance(Transition);

        JsonNode instance = (await _api.SendAsync(HttpMethod.Get, $"/v2/instance/{id}"))!["instance"]!;
        Assert.Equal("Running", instance["status"]!.GetValue<string>());
        Assert.Equal("bcc.g5.c4m16", instance["spec"]!.GetValue<string>());
        Assert.Equal(16, instance["memoryCapacityInGB"]!.GetValue<int>());
        Assert.Equal("m-rocky93", instance["imageId"]!.GetValue<string>());
        Assert.Equal("app-renamed", instance["name"]!.GetValue<string>());
        Assert.Equal("rebuilt", instance["desc"]!.GetValue<string>());
    }

    [Fact]
    public async Task Specs_FlavorSpecListsSeededSpecsPerZone()
    {
        JsonNode specs = (await _api.SendAsync(HttpMethod.Get, "/v2/instance/flavorSpec?zoneName=cn-bj-a"))!;
        JsonNode legacy = (await _api.SendAsync(HttpMethod.Get, "/v2/instance/spec"))!;

        JsonNode zone = Assert.Single(specs["zoneResources"]!.AsArray())!;
        Assert.Equal("cn-bj-a", zone["zoneName"]!.GetValue<string>());
        Assert.Contains(zone["bccResources"]!["flavorGroups"]!.AsArray().SelectMany(g => g!["flavors"]!.AsArray()), f => f!["spec"]!.GetValue<string>() == "bcc.g5.c2m8");
        Assert.Contains(legacy["instanceTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "bcc.c5.c2m4");
    }

    private async Task<string> VolumeStatus(string volume) =>
        (await _api.SendAsync(HttpMethod.Get, $"/v2/volume/{volume}"))!["volume"]!["status"]!.GetValue<string>();
}
