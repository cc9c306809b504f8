using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>An instance's network and access: IPv6, secondary IPs, security groups, subnet moves, rescue mode and roles.</summary>
public sealed class BccEmulatorInstanceNetworkTests
{
    [Fact]
    public async Task Ipv6AndSecondaryIps_ShowInDetailAndNetworkInterface_UntilRemoved()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("web");

        string ipv6 = (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/addIpv6", new { instanceId = instance }))["ipv6Address"]!.GetValue<string>();
        JsonArray added = (await bcc.SendAsync(HttpMethod.Put, "/v2/instance/batchAddIp", new { instanceId = instance, secondaryPrivateIpAddressCount = 2 }))["privateIps"]!.AsArray();

        Assert.Equal(ipv6, (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["ipv6"]!.GetValue<string>());
        JsonArray ips = (await bcc.GetAsync($"/v2/eni/{instance}"))["enis"]![0]!["privateIpSet"]!.AsArray();
        Assert.Equal(3, ips.Count);
        Assert.Equal(added.Select(ip => ip!.GetValue<string>()), ips.Skip(1).Select(ip => ip!["privateIpAddress"]!.GetValue<string>()));
        Assert.Equal("BadRequest", await bcc.RefusedAsync(HttpMethod.Post, "/v2/instance/addIpv6", new { instanceId = instance }, HttpStatusCode.BadRequest));

        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/delIpv6", new { instanceId = instance });
        await bcc.SendAsync(HttpMethod.Put, "/v2/instance/batchDelIp", new { instanceId = instance, privateIps = new[] { added[0]!.GetValue<string>() } });

        Assert.Equal(string.Empty, (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["ipv6"]!.GetValue<string>());
        Assert.Equal(2, (await bcc.GetAsync($"/v2/eni/{instance}"))["enis"]![0]!["privateIpSet"]!.AsArray().Count);
    }

    [Fact]
    public async Task SecurityGroups_BoundAndReplaced_ShowInTheGroupFilter_AndTheLastOneStays()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("web");
        string first = await NewGroupAsync(bcc, "first");
        string second = await NewGroupAsync(bcc, "second");

        await bcc.SendAsync(HttpMethod.Put, "/v2/securitygroup/replace", new { instanceIds = new[] { instance }, securityGroupIds = new[] { first } });
        await bcc.SendAsync(HttpMethod.Put, $"/v2/instance/{instance}?bind", new { securityGroupId = second });

        Assert.Equal([first, second], await GroupsOfAsync(bcc, instance));
        Assert.Equal("SecurityGroup.InUse", await bcc.RefusedAsync(HttpMethod.Delete, $"/v2/securityGroup/{first}", null, HttpStatusCode.Conflict));

        await bcc.SendAsync(HttpMethod.Put, "/v2/securitygroup/unbind", new { instanceIds = new[] { instance }, securityGroupIds = new[] { first } });
        Assert.Equal([second], await GroupsOfAsync(bcc, instance));
        Assert.Equal(1, (await bcc.GetAsync($"/v2/securityGroup/{second}"))["bindInstanceNum"]!.GetValue<int>());
        Assert.Equal("BadRequest", await bcc.RefusedAsync(HttpMethod.Put, $"/v2/instance/{instance}?unbind", new { securityGroupId = second }, HttpStatusCode.BadRequest));
        await bcc.SendAsync(HttpMethod.Delete, $"/v2/securityGroup/{first}");
    }

    [Fact]
    public async Task ChangeVpc_MovesSubnetVpcAndAddress_WhileChangeSubnetStaysInTheVpc()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("web");
        string before = (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["internalIp"]!.GetValue<string>();

        Assert.Equal("BadRequest", await bcc.RefusedAsync(HttpMethod.Put, "/v2/subnet/changeSubnet", new { instanceId = instance, subnetId = "sbn-other" }, HttpStatusCode.BadRequest));
        await bcc.SendAsync(HttpMethod.Put, "/v2/vpc/changeVpc", new { instanceId = instance, subnetId = "sbn-other", reboot = true });
        Assert.Equal("ChangeVpc", (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["status"]!.GetValue<string>());
        bcc.Settle();

        JsonNode moved = (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!;
        Assert.Equal(("sbn-other", "vpc-other", "Running"), (moved["subnetId"]!.GetValue<string>(), moved["vpcId"]!.GetValue<string>(), moved["status"]!.GetValue<string>()));
        Assert.NotEqual(before, moved["internalIp"]!.GetValue<string>());
    }

    [Fact]
    public async Task RescueModeAndRoles_FollowTheInstance_AndRefuseWhatDoesNotFit()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string instance = bcc.Emulator.SeedInstance("web");

        Assert.Equal("Instance.RescueModeOperationForbidden", await bcc.RefusedAsync(HttpMethod.Put, "/v2/instance/rescue/mode/enter", new { instanceId = instance }, HttpStatusCode.Conflict));
        await bcc.SendAsync(HttpMethod.Put, "/v2/instance/rescue/mode/enter", new { instanceId = instance, forceStop = true });
        Assert.Equal("Instance.RescueModeOperationForbidden", await bcc.RefusedAsync(HttpMethod.Put, "/v2/instance/rescue/mode/enter", new { instanceId = instance, forceStop = true }, HttpStatusCode.Conflict));
        bcc.Settle();
        await bcc.SendAsync(HttpMethod.Put, "/v2/instance/rescue/mode/exit", new { instanceId = instance });

        string role = (await bcc.GetAsync("/v2/instance/role/list"))["roles"]![0]!["roleName"]!.GetValue<string>();
        JsonNode bound = await bcc.SendAsync(HttpMethod.Post, "/v2/instance/role?bind", new { roleName = role, instances = new[] { new { instanceId = instance }, new { instanceId = "i-unknown0" } } });
        Assert.Equal("i-unknown0", bound["failInstances"]![0]!["instanceId"]!.GetValue<string>());
        Assert.Equal(role, (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["roleName"]!.GetValue<string>());
        await bcc.SendAsync(HttpMethod.Post, "/v2/instance/role?unbind", new { roleName = role, instances = new[] { new { instanceId = instance } } });
        Assert.Equal(string.Empty, (await bcc.GetAsync($"/v2/instance/{instance}"))["instance"]!["roleName"]!.GetValue<string>());
    }

    private static async Task<string> NewGroupAsync(EmulatorSession bcc, string name) =>
        (await bcc.SendAsync(HttpMethod.Post, "/v2/securityGroup", new { name, rules = new[] { new { direction = "ingress", protocol = "tcp", portRange = "22" } } }))["securityGroupId"]!.GetValue<string>();

    private static async Task<IEnumerable<string>> GroupsOfAsync(EmulatorSession bcc, string instance) =>
        (await bcc.GetAsync($"/v2/securityGroup?instanceId={instance}"))["securityGroups"]!.AsArray().Select(g => g!["id"]!.GetValue<string>());
}
