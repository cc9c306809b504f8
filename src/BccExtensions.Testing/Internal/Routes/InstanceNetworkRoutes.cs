using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// An instance's network: IPv6 and secondary private IPs (shown in its detail and its network interface), security
/// group bindings (shown in the instance and in the groups' filters), and moves to another subnet or VPC.
/// </summary>
internal static class InstanceNetworkRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("AddIpv6", (call, state) =>
        {
            EmulatedInstance instance = Body(call, state);
            if (instance.Ipv6Address is not null)
            {
                throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", "instance has ipv6 already, please release ipv6 first");
            }

            instance.Ipv6Address = call.String("ipv6Address") ?? EmulatorNetwork.Ipv6Of(instance);
            Reboot(instance, call, state);
            return EmulatorResponse.Ok(new JsonObject { ["ipv6Address"] = instance.Ipv6Address });
        }),
        new("DelIpv6", (call, state) =>
        {
            EmulatedInstance instance = Body(call, state);
            if (instance.Ipv6Address is null || (call.String("ipv6Address") is { } address && address != instance.Ipv6Address))
            {
                throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", "instance doesn't have ipv6 address");
            }

            instance.Ipv6Address = null;
            Reboot(instance, call, state);
            return EmulatorResponse.Ok();
        }),
        new("BatchAddIp", AddPrivateIps),
        new("BatchDeleteIp", (call, state) =>
        {
            EmulatedInstance instance = Body(call, state);
            IReadOnlyList<string> ips = call.Strings("privateIps");
            if (ips.FirstOrDefault(ip => !instance.SecondaryIps.Contains(ip)) is { } unknown)
            {
                throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", $"{unknown} is not a secondary IP of {instance.Id}.");
            }

            instance.SecondaryIps.RemoveAll(ips.Contains);
            return EmulatorResponse.Ok();
        }),
        new("BindInstanceSecurityGroup", (call, state) => Groups(call, state, (instance, groups) => instance.SecurityGroupIds.AddRange(groups.Except(instance.SecurityGroupIds)))),
        new("UnbindInstanceSecurityGroup", (call, state) => Groups(call, state, (instance, groups) => Unbind(instance, groups))),
        new("ReplaceInstanceSecurityGroup", (call, state) => Groups(call, state, (instance, groups) =>
        {
            instance.SecurityGroupIds.Clear();
            instance.SecurityGroupIds.AddRange(groups);
        })),
        new("BindInstanceToSecurityGroup", (call, state) =>
        {
            EmulatedInstance instance = InstancesRoutes.Find(call, state);
            string group = Group(state, call.RequiredString("securityGroupId"));
            if (!instance.SecurityGroupIds.Contains(group))
            {
                instance.SecurityGroupIds.Add(group);
            }

            return EmulatorResponse.Ok();
        }),
        new("UnbindInstanceFromSecurityGroup", (call, state) =>
        {
            Unbind(InstancesRoutes.Find(call, state), [Group(state, call.RequiredString("securityGroupId"))]);
            return EmulatorResponse.Ok();
        }),
        new("UpdateInstanceSubnet", (call, state) => Move(call, state, changeVpc: false)),
        new("ChangeVpc", (call, state) => Move(call, state, changeVpc: true)),
        new("ListInstanceEnis", (call, state) =>
        {
            EmulatedInstance instance = InstancesRoutes.Find(call, state);
            return EmulatorResponse.Ok(new JsonObject { ["enis"] = new JsonArray(Eni(instance)) });
        }),
    ];

    private static EmulatedInstance Body(EmulatorCall call, EmulatorState state) => state.FindInstance(call.RequiredString("instanceId"), call.Now);

    private static void Reboot(EmulatedInstance instance, EmulatorCall call, EmulatorState state)
    {
        if (call.Bool("reboot") && instance.Status == "Running")
        {
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
        }
    }

    private static string Group(EmulatorState state, string id) =>
        state.SecurityGroups.Any(g => g.Id == id) ? id : throw EmulatorError.NotFound($"Security group {id}");

    private static void Unbind(EmulatedInstance instance, IEnumerable<string> groups)
    {
        List<string> left = [.. instance.SecurityGroupIds.Except(groups)];
        if (left.Count == 0)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", $"{instance.Id} must keep at least one security group.");
        }

        instance.SecurityGroupIds.Clear();
        instance.SecurityGroupIds.AddRange(left);
    }

    /// <summary>Applies a binding change to every listed instance, after finding every instance and group.</summary>
    private static EmulatorResponse Groups(EmulatorCall call, EmulatorState state, Action<EmulatedInstance, IReadOnlyList<string>> change)
    {
        List<EmulatedInstance> instances = InstanceBatchRoutes.Every(call, state, "instanceIds");
        IReadOnlyList<string> groups = [.. call.Strings("securityGroupIds").Select(id => Group(state, id))];
        if (groups.Count == 0)
        {
            throw EmulatorError.BadRequest("'securityGroupIds' is required.");
        }

        instances.ForEach(i => change(i, groups));
        return EmulatorResponse.Ok(new JsonObject());
    }

    private static EmulatorResponse AddPrivateIps(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = Body(call, state);
        List<string> added = [.. call.Strings("privateIps")];
        int count = call.Int("secondaryPrivateIpAddressCount") ?? 0;
        if (added.Count == 0 && count == 0)
        {
            throw EmulatorError.BadRequest("'privateIps' or 'secondaryPrivateIpAddressCount' is required.");
        }

        if (added.FirstOrDefault(ip => ip == instance.InternalIp || instance.SecondaryIps.Contains(ip) || state.Instances.Any(i => i.InternalIp == ip)) is { } taken)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", $"{taken} is in use.");
        }

        for (int i = 0; i < count; i++)
        {
            added.Add(state.NextInternalIp());
        }

        if (instance.SecondaryIps.Count + added.Count > 40)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", "An instance has at most 40 secondary IPs.");
        }

        instance.SecondaryIps.AddRange(added);
        return EmulatorResponse.Ok(new JsonObject { ["privateIps"] = new JsonArray([.. added.Select(ip => (JsonNode)ip)]) });
    }

    private static EmulatorResponse Move(EmulatorCall call, EmulatorState state, bool changeVpc)
    {
        EmulatedInstance instance = Body(call, state);
        instance.RequireStatus(changeVpc ? "Instance.ChangeVpcOperationForbidden" : "Instance.ChangeSubnetOperationForbidden", "Running", "Stopped");
        string subnet = call.RequiredString("subnetId");
        if (!changeVpc && EmulatorNetwork.VpcOf(subnet) != instance.VpcId)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", $"{subnet} is not in {instance.VpcId}; move the instance with ChangeVpc.");
        }

        instance.SubnetId = subnet;
        instance.VpcId = EmulatorNetwork.VpcOf(subnet);
        instance.InternalIp = call.String("internalIp") ?? state.NextInternalIp();
        instance.SecondaryIps.Clear();
        if (call.Strings("securityGroupIds") is { Count: > 0 } groups)
        {
            instance.SecurityGroupIds.Clear();
            instance.SecurityGroupIds.AddRange(groups.Select(g => Group(state, g)));
        }

        string back = instance.Status;
        instance.Transition(changeVpc ? "ChangeVpc" : "ChangeSubnet", call.Bool("reboot") ? "Running" : back, call.Now, state.TransitionDelay);
        return EmulatorResponse.Ok();
    }

    /// <summary>The instance's primary network interface, with its private IPs and IPv6.</summary>
    public static JsonObject Eni(EmulatedInstance instance) => new()
    {
        ["eniId"] = "eni-" + instance.Id[2..],
        ["name"] = "primary",
        ["vpcId"] = instance.VpcId,
        ["subnetId"] = instance.SubnetId ?? EmulatorNetwork.DefaultSubnetId,
        ["zoneName"] = instance.ZoneName,
        ["description"] = string.Empty,
        ["createdTime"] = EmulatedResource.Timestamp(instance.CreateTime),
        ["instanceId"] = instance.Id,
        ["macAddress"] = "fa:16:3e:" + string.Join(':', instance.Id[2..].Take(6).Chunk(2).Select(c => new string(c))),
        ["status"] = "inuse",
        ["securityGroupIds"] = new JsonArray([.. instance.SecurityGroupIds.Select(g => (JsonNode)g)]),
        ["privateIpSet"] = new JsonArray(
        [
            new JsonObject { ["primary"] = true, ["privateIpAddress"] = instance.InternalIp, ["publicIpAddress"] = instance.PublicIp, ["ipv6Address"] = instance.Ipv6Address ?? string.Empty },
            .. instance.SecondaryIps.Select(ip => (JsonNode)new JsonObject { ["primary"] = false, ["privateIpAddress"] = ip, ["publicIpAddress"] = string.Empty, ["ipv6Address"] = string.Empty }),
        ]),
    };
}
