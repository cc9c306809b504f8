using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>What changes an instance shows through the operations that read it: tags, billing, release, key pairs, placement.</summary>
public sealed class BccEmulatorInstanceStateTests
{
    [Fact]
    public async Task Tags_BoundToInstance_ShowInDetailAndTagFilteredListAndOnItsVolumesWhenRelated()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string tagged = bcc.Emulator.SeedInstance("web-1");
        bcc.Emulator.SeedInstance("web-2");
        string volume = await NewVolumeAsync(bcc);
        await bcc.SendAsync(HttpMethod.Put, $"/v2/volume/{volume}?attach", new { instanceId = tagged });
        bcc.Settle();

        await bcc.SendAsync(HttpMethod.Put, $"/v2/instance/{tagged}/tag?bind", new { changeTags = new[] { new { tagKey = "team", tagValue = "web" } }, attachRelatedResourceTag = true });

        JsonNode detail = await bcc.GetAsync($"/v2/instance/{tagged}");
        Assert.Equal("team", detail["instance"]!["tags"]![0]!["tagKey"]!.GetValue<string>());
        JsonNode filtered = await bcc.GetAsync("/v2/instance?tags=team:web");
        Assert.Equal([tagged], filtered["instances"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal("web", (await bcc.GetAsync($"/v2/volume/{volume}"))["volume"]!["tags"]![0]!["tagValue"]!.GetValue<string>());

        await bcc.SendAsync(HttpMethod.Post, "/v3/bcc/tag?action=DetachTags", new { resourceType = "bcc", resourceIds = new[] { tagged }, tags = new[] { new { tagKey = "team", tagValue = "web" } } });
        Assert.Empty((await bcc.GetAsync($"/v2/instance/{tagged}"))["instance"]!["tags"]!.AsArray());
        Assert.Empty((await bcc.GetAsync("/v2/instance?tags=team"))["instances"]!.AsArray());
        Assert.Equal("InappropriateJSON", await bcc.RefusedAsync(HttpMethod.Post, "/v3/bcc/tag?action=AttachTags", new { resourceType = "eip", resourceIds = new[] { tagged }, tags = new[] { new { tagKey = "a" } } }, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ChangeToPrepaid_ShowsNewBillingAndExpiry_AndBlocksAPlainRelease()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("db-1");

        await bcc.SendAsync(HttpMethod.Post, $"/v2/instance/{instance}?toPrepay", new { duration = 3, autoRenew = true, autoRenewPeriod = 1 });

        JsonNode detail = (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!;
        Assert.Equal("Prepaid", detail["paymentTiming"]!.GetValue<string>());
        Assert.Equal(EmulatedTime(bcc.Time.GetUtcNow().AddMonths(3)), detail["expireTime"]!.GetValue<string>());
        Assert.True(detail["autoRenew"]!.GetValue<bool>());
        Assert.Equal("Instance.ReleaseNotPrepay", await bcc.RefusedAsync(HttpMethod.Delete, $"/v2/instance/{instance}", null, HttpStatusCode.Forbidden));
        Assert.Equal("Instance.ChangeChargingOperationForbidden", await bcc.RefusedAsync(HttpMethod.Post, $"/v2/instance/{instance}?toPrepay", new { duration = 1 }, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Release_WithRecycleFlag_GoesToTheRecycleBin_WhereItIsRecoveredOrDeleted()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string kept = bcc.Emulator.SeedInstance("keep");
        string dropped = bcc.Emulator.SeedInstance("drop");

        await bcc.SendAsync(HttpMethod.Post, $"/v2/instance/{kept}", new { bccRecycleFlag = true });
        await bcc.SendAsync(HttpMethod.Post, $"/v2/instance/{dropped}", new { bccRecycleFlag = true });

        await bcc.Api.SendAsync(HttpMethod.Get, $"/v2/instance/{kept}", expected: HttpStatusCode.NotFound);
        JsonNode bin = await bcc.SendAsync(HttpMethod.Post, "/v2/recycle/instance", new { });
        Assert.Equal([kept, dropped], bin["instances"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/recovery", new { instanceIds = new[] { new { instanceId = kept } } });
        await bcc.SendAsync(HttpMethod.Delete, $"/v2/recycle/instance/{dropped}");
        bcc.Settle();

        Assert.Equal("Running", (await bcc.GetAsync($"/v2/instance/{kept}"))["instance"]!["status"]!.GetValue<string>());
        Assert.Empty((await bcc.SendAsync(HttpMethod.Post, "/v2/recycle/instance", new { }))["instances"]!.AsArray());
        await bcc.Api.SendAsync(HttpMethod.Delete, $"/v2/recycle/instance/{dropped}", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletionProtection_RefusesEveryReleaseForm_UntilTurnedOff()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("guarded");
        await bcc.SendAsync(HttpMethod.Put, $"/v2/instance/{instance}/deletionProtection", new { deletionProtection = 1 });

        Assert.Equal("Instance.DeletionProtection", await bcc.RefusedAsync(HttpMethod.Delete, $"/v2/instance/{instance}", null, HttpStatusCode.Forbidden));
        Assert.Equal("Instance.DeletionProtection", await bcc.RefusedAsync(HttpMethod.Post, $"/v2/instance/{instance}", new { bccRecycleFlag = true }, HttpStatusCode.Forbidden));
        Assert.Equal("Instance.DeletionProtection", await bcc.RefusedAsync(HttpMethod.Post, "/v2/instance/batchDelete", new { instanceIds = new[] { instance } }, HttpStatusCode.Forbidden));
        Assert.Equal(1, (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["deletionProtection"]!.GetValue<int>());

        await bcc.SendAsync(HttpMethod.Put, $"/v2/instance/{instance}/deletionProtection", new { deletionProtection = 0 });
        await bcc.SendAsync(HttpMethod.Delete, $"/v2/instance/{instance}");
        await bcc.Api.SendAsync(HttpMethod.Get, $"/v2/instance/{instance}", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BatchStop_ActsOnEachIdAsTheSingleOperationDoes_AndListsTheOnesItCouldNot()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string running = bcc.Emulator.SeedInstance("a");
        string stopped = bcc.Emulator.SeedInstance("b", status: InstanceStatus.Stopped);

        JsonNode answer = await bcc.SendAsync(HttpMethod.Put, "/v2/instance/batchAction?stop", new { instanceIds = new[] { running, stopped, "i-unknown0" } });
        bcc.Settle();

        Assert.Equal([stopped, "i-unknown0"], answer["failedInstanceIdList"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("Stopped", (await bcc.GetAsync($"/v2/instance/{running}"))["instance"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyPair_AttachedToInstances_ShowsOnEachAndCountsThem_DetachUndoes()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string first = bcc.Emulator.SeedInstance("a");
        string second = bcc.Emulator.SeedInstance("b");
        string keypair = (await bcc.SendAsync(HttpMethod.Post, "/v2/keypair", new { name = "ops" }))["keypair"]!["keypairId"]!.GetValue<string>();

        JsonNode attached = await bcc.SendAsync(HttpMethod.Put, $"/v2/keypair/{keypair}?attach", new { instanceIds = new[] { first, second, "i-unknown0" } });

        Assert.Equal(["i-unknown0"], attached["failedInstanceIdList"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(keypair, (await bcc.GetAsync($"/v2/instance/{first}"))["instance"]!["keypairId"]!.GetValue<string>());
        Assert.Equal(2, (await bcc.GetAsync($"/v2/keypair/{keypair}"))["keypair"]!["instanceCount"]!.GetValue<int>());
        Assert.Equal("Keypair.InUse", await bcc.RefusedAsync(HttpMethod.Delete, $"/v2/keypair/{keypair}", null, HttpStatusCode.Conflict));

        JsonNode detached = await bcc.SendAsync(HttpMethod.Put, $"/v2/keypair/{keypair}?detach", new { instanceIds = new[] { first, second } });
        Assert.Empty(detached["failedInstanceIdList"]!.AsArray());
        Assert.Equal(string.Empty, (await bcc.GetAsync($"/v2/instance/{first}"))["instance"]!["keypairId"]!.GetValue<string>());
        await bcc.SendAsync(HttpMethod.Delete, $"/v2/keypair/{keypair}");
    }

    [Fact]
    public async Task DeploymentSetRelation_MovesTheInstance_LeavesATask_AndRemovalEmptiesTheSet()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("a");
        string set = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create", new { name = "spread", strategy = "HOST_HA" }))["deploySetIds"]![0]!.GetValue<string>();

        string task = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/deployset/updateRelation", new { instanceId = instance, deploysetIdList = new[] { set } }))["taskId"]!.GetValue<string>();

        Assert.Equal(1, (await bcc.GetAsync($"/v2/deployset/{set}"))["instanceCount"]!.GetValue<int>());
        JsonNode tasks = await bcc.SendAsync(HttpMethod.Post, "/v2/task/detail", new { taskIds = new[] { task } });
        Assert.Equal(instance, tasks["tasks"]![0]!["operationProgressSet"]![0]!["resourceId"]!.GetValue<string>());
        Assert.Equal(task, (await bcc.SendAsync(HttpMethod.Post, "/v2/task/list", new { resourceIds = new[] { instance } }))["tasks"]![0]!["taskId"]!.GetValue<string>());

        await bcc.SendAsync(HttpMethod.Put, $"/v2/instance/deployset/{set}?modifyAttribute", new { name = "renamed" });
        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/deployset/delRelation", new { deployId = set, instanceIdList = new[] { instance } });
        JsonNode detail = await bcc.GetAsync($"/v2/deployset/{set}");
        Assert.Equal(("renamed", 0), (detail["name"]!.GetValue<string>(), detail["instanceCount"]!.GetValue<int>()));
        await bcc.SendAsync(HttpMethod.Delete, $"/v2/instance/deployset/{set}");
    }

    internal static async Task<string> NewVolumeAsync(EmulatorSession bcc, int sizeInGB = 20)
    {
        string volume = (await bcc.SendAsync(HttpMethod.Post, "/v2/volume", new { cdsSizeInGB = sizeInGB, zoneName = "cn-bj-a", billing = new { paymentTiming = "Postpaid" } }))["volumeIds"]![0]!.GetValue<string>();
        bcc.Settle();
        return volume;
    }

    private static string EmulatedTime(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
