using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Security groups and their rules; a group bound to instances cannot be deleted.</summary>
internal static class SecurityGroupsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateSecurityGroup", Create),
        new("ListSecurityGroups", (call, state) =>
        {
            IEnumerable<EmulatedSecurityGroup> groups = EmulatorRoutes.Filter(state.SecurityGroups, call.QueryString("vpcId"), (g, v) => g.VpcId == v);
            groups = EmulatorRoutes.Filter(groups, call.QueryString("instanceId"), (g, i) => state.FindInstance(i, call.Now).SecurityGroupIds.Contains(g.Id));
            return EmulatorPaging.Page(call, groups.ToList(), "securityGroups", g => g.ToJson());
        }),
        new("DeleteSecurityGroup", Delete),
        new("AuthorizeSecurityGroupRule", Authorize),
        new("RevokeSecurityGroupRule", Revoke),
    ];

    private static EmulatedSecurityGroup Find(EmulatorCall call, EmulatorState state) =>
        EmulatorState.Find(state.SecurityGroups, call.PathValue("securityGroupId"), "Security group", call.Now);

    private static JsonObject Rule(EmulatorCall call) => call.Json["rule"] as JsonObject ?? throw EmulatorError.BadRequest("'rule' is required.");

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        var group = new EmulatedSecurityGroup
        {
            Id = EmulatorState.NewId("g"),
            Name = call.RequiredString("name"),
            Description = call.String("desc") ?? string.Empty,
            VpcId = call.String("vpcId") ?? "vpc-emulator0",
            CreateTime = call.Now,
        };
        group.Transition("Available", "Available", call.Now, TimeSpan.Zero);
        foreach (JsonObject initial in (call.Json["rules"] as JsonArray ?? []).OfType<JsonObject>())
        {
            AddRule(group, initial, call.Now);
        }

        state.SecurityGroups.Add(group);
        return EmulatorResponse.Ok(new JsonObject { ["securityGroupId"] = group.Id });
    }

    private static EmulatorResponse Delete(EmulatorCall call, EmulatorState state)
    {
        EmulatedSecurityGroup found = Find(call, state);
        if (state.Instances.Any(i => i.SecurityGroupIds.Contains(found.Id)))
        {
            throw EmulatorError.Conflict("SecurityGroup.InUse", $"{found.Id} is bound to instances.");
        }

        state.SecurityGroups.Remove(found);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Authorize(EmulatorCall call, EmulatorState state)
    {
        EmulatedSecurityGroup found = Find(call, state);
        JsonObject rule = Rule(call);
        if (found.Rules.Any(r => SameRule(r, rule)))
        {
            throw EmulatorError.Conflict("SecurityGroup.RuleDuplicated", "The rule already exists.");
        }

        AddRule(found, rule, call.Now);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Revoke(EmulatorCall call, EmulatorState state)
    {
        EmulatedSecurityGroup found = Find(call, state);
        JsonObject rule = Rule(call);
        JsonObject existing = found.Rules.FirstOrDefault(r => SameRule(r, rule)) ?? throw EmulatorError.NotFound("The rule");
        found.Rules.Remove(existing);
        found.Version++;
        return EmulatorResponse.Ok();
    }

    private static void AddRule(EmulatedSecurityGroup group, JsonObject rule, DateTimeOffset now)
    {
        string direction = rule["direction"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("A rule needs 'direction' (ingress or egress).");
        if (direction is not ("ingress" or "egress"))
        {
            throw EmulatorError.BadRequest("'direction' must be ingress or egress.");
        }

        var stored = (JsonObject)rule.DeepClone();
        foreach (string unset in stored.Where(m => m.Value is null || m.Value.ToJsonString() is "\"\"" or "[]").Select(m => m.Key).ToList())
        {
            stored.Remove(unset); // Go SDK rules carry every member; an empty one was not given.
        }

        stored["securityGroupId"] = group.Id;
        stored["securityGroupRuleId"] = EmulatorState.NewId("r");
        stored["createdTime"] = EmulatedResource.Timestamp(now);
        group.Rules.Add(stored);
        group.Version++;
    }

    private static bool SameRule(JsonObject existing, JsonObject candidate)
    {
        string[] keys = ["direction", "protocol", "portRange", "sourceIp", "destIp", "sourceGroupId", "destGroupId", "ethertype"];
        return keys.All(k => (existing[k]?.ToJsonString() ?? "\"\"") == (candidate[k]?.ToJsonString() ?? "\"\""));
    }
}
