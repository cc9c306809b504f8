using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>A security group's detail and its rules by id: the detail shows every rule with its id, which update and delete take.</summary>
internal static class SecurityGroupRulesRoutes
{
    /// <summary>The members of a rule an update may change.</summary>
    private static readonly string[] s_changeable = ["remark", "portRange", "sourceIp", "sourceGroupId", "destIp", "destGroupId", "protocol"];

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetSecurityGroupDetail", (call, state) =>
        {
            EmulatedSecurityGroup group = EmulatorState.Find(state.SecurityGroups, call.PathValue("securityGroupId"), "Security group", call.Now);
            JsonObject json = group.ToJson();
            json["rules"] = new JsonArray([.. group.Rules.Select(r => (JsonNode)AnswerShape.Project(r, "SecurityGroupRuleDetail"))]);
            json["bindInstanceNum"] = state.Instances.Count(i => i.SecurityGroupIds.Contains(group.Id));
            return EmulatorResponse.Ok(json);
        }),
        new("DeleteSecurityGroupRule", (call, state) =>
        {
            (EmulatedSecurityGroup group, JsonObject rule) = FindRule(state, call.PathValue("securityGroupRuleId"));
            group.Rules.Remove(rule);
            group.Version++;
            return EmulatorResponse.Ok();
        }),
        new("UpdateSecurityGroupRule", (call, state) =>
        {
            (EmulatedSecurityGroup group, JsonObject rule) = FindRule(state, call.RequiredString("securityGroupRuleId"));
            foreach (string member in s_changeable)
            {
                if (call.String(member) is { } value)
                {
                    rule[member] = value;
                }
            }

            rule["updatedTime"] = EmulatedResource.Timestamp(call.Now);
            group.Version++;
            return EmulatorResponse.Ok();
        }),
    ];

    private static (EmulatedSecurityGroup Group, JsonObject Rule) FindRule(EmulatorState state, string ruleId)
    {
        foreach (EmulatedSecurityGroup group in state.SecurityGroups)
        {
            if (group.Rules.FirstOrDefault(r => r["securityGroupRuleId"]?.GetValue<string>() == ruleId) is { } rule)
            {
                return (group, rule);
            }
        }

        throw EmulatorError.NotFound($"Security group rule {ruleId}");
    }
}
