using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>Reserved instances and their transfers, EHC clusters, diagnostics and maintenance rules.</summary>
public sealed class BccEmulatorReservedTests
{
    [Fact]
    public async Task ReservedInstance_CoversRunningInstancesOfItsSpecAndZone_RenewsAndAutoRenews()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string covered = bcc.Emulator.SeedInstance("a", spec: "bcc.g5.c2m8", zoneName: "cn-bj-a");
        bcc.Emulator.SeedInstance("other-zone", spec: "bcc.g5.c2m8", zoneName: "cn-bj-b");
        bcc.Emulator.SeedInstance("other-spec", spec: "bcc.g5.c4m16", zoneName: "cn-bj-a");

        string reserved = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/create", new { spec = "bcc.g5.c2m8", zoneName = "cn-bj-a", offeringType = "FullyPrepay", instanceCount = 2, reservedInstanceTime = 1, reservedInstanceTimeUnit = "year", tags = new[] { new { tagKey = "cost", tagValue = "web" } } }))["reservedInstanceIds"]![0]!.GetValue<string>();

        JsonNode listed = await ListAsync(bcc, reserved);
        Assert.Equal([covered], listed["instanceIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(("Active", "cost"), (listed["reservedInstanceStatus"]!.GetValue<string>(), listed["tags"]![0]!["tagKey"]!.GetValue<string>()));
        string expiry = listed["expireTime"]!.GetValue<string>();
        Assert.Equal(reserved, (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/list", new { instanceId = covered }))["reservedInstances"]![0]!["reservedInstanceId"]!.GetValue<string>());

        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/renew", new { reservedInstanceIds = new[] { reserved }, reservedInstanceTime = 6, reservedInstanceTimeUnit = "month" });
        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/autoRenew", new { reservedInstanceIds = new[] { reserved }, autoRenewTimeUnit = "month", autoRenewTime = 3 });
        await bcc.SendAsync(HttpMethod.Put, "/v2/instance/reserved/modify", new { reservedInstances = new[] { new { reservedInstanceId = reserved, reservedInstanceName = "web-ri" } } });

        JsonNode renewed = await ListAsync(bcc, reserved);
        Assert.Equal(DateTimeOffset.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture).AddMonths(6), DateTimeOffset.Parse(renewed["expireTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((true, 3, "web-ri"), (renewed["autoRenew"]!.GetValue<bool>(), renewed["renewTime"]!.GetValue<int>(), renewed["reservedInstanceName"]!.GetValue<string>()));
        JsonNode modified = await bcc.SendAsync(HttpMethod.Put, "/v2/instance/reserved/modify", new { reservedInstances = new[] { new { reservedInstanceId = "r-unknown0" } } });
        Assert.False(modified["modifyReservedInstanceOrders"]![0]!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Transfer_ToOwnAccount_IsListedBothWays_AcceptedOnce_AndRevokingAnEndedOneIsRefused()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string reserved = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/create", new { spec = "bcc.g5.c2m8", zoneName = "cn-bj-a", offeringType = "FullyPrepay", reservedInstanceTime = 1 }))["reservedInstanceIds"]![0]!.GetValue<string>();

        JsonNode records = await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/transfer/create", new { reservedInstanceIds = new[] { reserved }, recipientAccountId = "emulator-account" });
        string transfer = records[0]!.GetValue<string>();

        JsonNode incoming = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/transfer/in/list", new { }))["transferRecords"]![0]!;
        Assert.Equal((transfer, "Pending", reserved), (incoming["transferRecordId"]!.GetValue<string>(), incoming["status"]!.GetValue<string>(), incoming["reservedInstanceInfo"]!["reservedInstanceId"]!.GetValue<string>()));
        Assert.Equal(1, (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/transfer/out/list", new { }))["totalCount"]!.GetValue<int>());

        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/transfer/accept", new { transferRecordId = transfer });

        Assert.True((await ListAsync(bcc, reserved))["transferIn"]!.GetValue<bool>());
        Assert.Equal("Succeed", (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/transfer/out/list", new { }))["transferRecords"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("ReservedInstance.TransferStatusForbidden", await bcc.RefusedAsync(HttpMethod.Post, "/v2/instance/reserved/transfer/revoke", new { transferRecordIds = new[] { transfer } }, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task EhcCluster_ListsReservedInstancesPlacedInIt_AndIsKeptWhileInUse()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string cluster = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/ehc/cluster/create", new { name = "hpc", zoneName = "cn-bj-a", description = "training" }))["ehcClusterId"]!.GetValue<string>();
        string reserved = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/create", new { spec = "bcc.g5.c2m8", zoneName = "cn-bj-a", offeringType = "FullyPrepay", reservedInstanceTime = 1, ehcClusterId = cluster }))["reservedInstanceIds"]![0]!.GetValue<string>();
        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/ehc/cluster/modify", new { ehcClusterId = cluster, name = "hpc-2" });

        JsonNode listed = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/ehc/cluster/list", new { zoneName = "cn-bj-a" }))["ehcClusters"]![0]!;
        Assert.Equal(("hpc-2", reserved), (listed["name"]!.GetValue<string>(), listed["reservedInstanceIds"]![0]!.GetValue<string>()));
        Assert.Equal("EhcCluster.InUse", await bcc.RefusedAsync(HttpMethod.Post, "/v2/instance/ehc/cluster/delete", new { ehcClusterIdList = new[] { cluster } }, HttpStatusCode.Conflict));
        await bcc.Api.SendAsync(HttpMethod.Post, "/v2/instance/reserved/create", new { spec = "bcc.g5.c2m8", zoneName = "cn-bj-a", offeringType = "FullyPrepay", reservedInstanceTime = 1, ehcClusterId = "ehc-unknown0" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Diagnostic_RunsOnARunningInstance_FinishesOnTheClock_AndIsDeleted()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("web");
        string metricSet = (await bcc.GetAsync("/v2/instance/diagnosticReport/schemas"))["metricSetList"]![0]!["metricSetId"]!.GetValue<string>();

        string report = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/diagnosticReport/create", new { instanceId = instance, metricSetId = metricSet }))["reportId"]!.GetValue<string>();

        Assert.Equal("Diagnosing", await ReportStatusAsync(bcc, instance));
        bcc.Settle();
        Assert.Equal("Finished", await ReportStatusAsync(bcc, instance));
        await bcc.Api.SendAsync(HttpMethod.Post, "/v2/instance/diagnosticReport/create", new { instanceId = instance, metricSetId = "ms-nope" }, HttpStatusCode.BadRequest);
        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/diagnosticReport/delete", new { reportIds = new[] { report } });
        Assert.Empty((await bcc.SendAsync(HttpMethod.Post, "/v2/instance/diagnosticReport/list", new { }))["diagnosticReports"]!.AsArray());
    }

    [Fact]
    public async Task MaintenanceRules_AreKeptListedChangedAndDeleted_WhileEventsAreNone()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string rule = (await bcc.SendAsync(HttpMethod.Post, "/?action=CreateAuthorizeRule", new { ruleName = "nightly", serverEventCategory = "planned", enableRule = 1, authorizeMaintenanceOperations = new[] { "reboot" } }))["ruleId"]!.GetValue<string>();
        await bcc.SendAsync(HttpMethod.Post, "/?action=ModifyInstUserOpAuthorizeRuleAttribute", new { ruleId = rule, enableRule = 0, ruleName = "weekly" });

        JsonNode listed = (await bcc.SendAsync(HttpMethod.Post, "/?action=DescribeAuthorizeRules", new { ruleIds = new[] { rule } }))["ruleList"]![0]!;
        Assert.Equal(("weekly", "disable", "reboot"), (listed["ruleName"]!.GetValue<string>(), listed["status"]!.GetValue<string>(), listed["authorizeMaintenanceOperations"]![0]!.GetValue<string>()));
        Assert.Empty((await bcc.SendAsync(HttpMethod.Post, "/?action=DescribePlannedEvents", new { }))["plannedMaintenanceEvents"]!.AsArray());
        await bcc.Api.SendAsync(HttpMethod.Post, "/?action=AuthorizeServerEvent", new { serverEventId = "se-1", instanceId = "i-1", authorizeMaintenanceOperation = "reboot" }, HttpStatusCode.NotFound);

        await bcc.SendAsync(HttpMethod.Post, "/?action=DeleteInstUserOpAuthorizeRule", new { ruleId = rule });
        Assert.Empty((await bcc.SendAsync(HttpMethod.Post, "/?action=DescribeAuthorizeRules", new { }))["ruleList"]!.AsArray());
    }

    private static async Task<JsonNode> ListAsync(EmulatorSession bcc, string reserved) =>
        (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/reserved/list", new { reservedInstanceIds = new[] { reserved } }))["reservedInstances"]![0]!;

    private static async Task<string> ReportStatusAsync(EmulatorSession bcc, string instance) =>
        (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/diagnosticReport/list", new { instanceId = instance }))["diagnosticReports"]![0]!["status"]!.GetValue<string>();
}
