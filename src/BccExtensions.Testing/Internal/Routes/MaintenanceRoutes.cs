using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Maintenance: server events and the rules that authorise maintenance ahead of them. The emulated hosts never fail, so
/// the event lists are empty and acting on an event answers 404 naming it; authorisation rules are kept like any resource.
/// </summary>
internal static class MaintenanceRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("DescribePlannedEvents", (call, state) => NoEvents(call, "plannedMaintenanceEvents")),
        new("DescribePlannedEventRecords", (call, state) => NoEvents(call, "plannedMaintenanceEvents")),
        new("DescribeUnplannedEvents", (call, state) => NoEvents(call, "unplannedMaintenanceEvents")),
        new("DescribeUnplannedEventRecords", (call, state) => NoEvents(call, "unplannedMaintenanceEvents")),
        new("AuthorizeServerEvent", (call, state) => throw EmulatorError.NotFound($"Server event {call.RequiredString("serverEventId")}")),
        new("CheckServerEvent", (call, state) => throw EmulatorError.NotFound($"Server event {call.RequiredString("serverEventId")}")),
        new("CreateAuthorizationRule", (call, state) =>
        {
            EmulatedRecord rule = state.AddRecord(RecordKind.AuthorizationRule, new JsonObject
            {
                ["ruleName"] = call.RequiredString("ruleName"),
                ["serverEventCategory"] = call.RequiredString("serverEventCategory"),
                ["createTime"] = EmulatedResource.Timestamp(call.Now),
            }, Enabled(call), call.Now);
            rule.Fields["ruleId"] = rule.Id;
            Apply(call, rule, required: true);
            return EmulatorResponse.Ok(new JsonObject { ["ruleId"] = rule.Id });
        }),
        new("DescribeAuthorizeRules", (call, state) =>
        {
            IReadOnlyList<string> ids = call.Strings("ruleIds");
            IReadOnlyList<string> names = call.Strings("ruleNames");
            List<EmulatedRecord> rules = [.. state.RecordsOf(RecordKind.AuthorizationRule, call.Now)
                .Where(r => ids.Count == 0 || ids.Contains(r.Id))
                .Where(r => names.Count == 0 || names.Contains(r.Text("ruleName") ?? string.Empty))];
            return EmulatorPaging.Page(call, rules, "ruleList", r => r.ToJson("AuthorizationRule"));
        }),
        new("ModifyInstUserOpAuthorizeRuleAttribute", (call, state) =>
        {
            EmulatedRecord rule = state.FindRecord(RecordKind.AuthorizationRule, call.RequiredString("ruleId"), call.Now);
            rule.Fields["ruleName"] = call.String("ruleName") ?? rule.Text("ruleName");
            if (call.Json["enableRule"] is not null)
            {
                rule.Status = Enabled(call);
            }

            Apply(call, rule, required: false);
            return EmulatorResponse.Ok(new JsonObject());
        }),
        new("DeleteInstUserOpAuthorizeRule", (call, state) =>
        {
            state.Records.Remove(state.FindRecord(RecordKind.AuthorizationRule, call.RequiredString("ruleId"), call.Now));
            return EmulatorResponse.Ok(new JsonObject());
        }),
    ];

    private static EmulatorResponse NoEvents(EmulatorCall call, string key) => EmulatorPaging.Page<EmulatedRecord>(call, [], key, e => e.Fields);

    /// <summary><c>enableRule</c>: 1 enables the rule, 0 (or nothing) disables it.</summary>
    private static string Enabled(EmulatorCall call) => call.Int("enableRule") is 1 ? "enable" : "disable";

    /// <summary>Sets the operations, scope and tags a request gives.</summary>
    private static void Apply(EmulatorCall call, EmulatedRecord rule, bool required)
    {
        IReadOnlyList<string> operations = call.Strings("authorizeMaintenanceOperations");
        if (operations.Count > 0)
        {
            rule.Fields["authorizeMaintenanceOperations"] = new JsonArray([.. operations.Select(o => (JsonNode)o)]);
        }
        else if (required)
        {
            throw EmulatorError.BadRequest("'authorizeMaintenanceOperations' is required.");
        }

        rule.Fields["effectiveScope"] = call.String("effectiveScope") ?? rule.Text("effectiveScope") ?? "all";
        IReadOnlyList<KeyValuePair<string, string>> tags = call.Tags("tags");
        if (tags.Count > 0)
        {
            rule.Tags = [.. tags];
        }
    }
}
