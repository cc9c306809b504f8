using System.Globalization;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Automatic snapshot policies: create, read, update, delete, and attach to or detach from volumes.</summary>
internal static class AutoSnapshotPoliciesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateAsp", (call, state) =>
        {
            EmulatedRecord policy = state.AddRecord(RecordKind.AutoSnapshotPolicy, new JsonObject { ["createdTime"] = EmulatedResource.Timestamp(call.Now) }, "active", call.Now);
            policy.Fields["id"] = policy.Id;
            Apply(policy, call, creating: true);
            return EmulatorResponse.Ok(new JsonObject { ["aspId"] = policy.Id });
        }),
        new("GetAsp", (call, state) => EmulatorResponse.Ok(new JsonObject { ["autoSnapshotPolicy"] = Json(Find(call, state, call.PathValue("aspId")), state) })),
        new("ListAsps", (call, state) =>
        {
            IEnumerable<EmulatedRecord> policies = state.RecordsOf(RecordKind.AutoSnapshotPolicy, call.Now);
            policies = EmulatorRoutes.Filter(policies, call.QueryString("aspName"), (p, v) => p.Text("name") == v);
            policies = EmulatorRoutes.Filter(policies, call.QueryString("volumeName"), (p, v) => state.Volumes.Any(x => x.AutoSnapshotPolicyId == p.Id && x.Name == v));
            return EmulatorPaging.Page(call, policies.ToList(), "autoSnapshotPolicys", p => Json(p, state));
        }),
        new("UpdateAsp", (call, state) =>
        {
            EmulatedRecord policy = Find(call, state, call.RequiredString("aspId"));
            Apply(policy, call, creating: false);
            policy.Fields["updatedTime"] = EmulatedResource.Timestamp(call.Now);
            return EmulatorResponse.Ok();
        }),
        new("DeleteAsp", (call, state) =>
        {
            EmulatedRecord policy = Find(call, state, call.PathValue("aspId"));
            state.Volumes.Where(v => v.AutoSnapshotPolicyId == policy.Id).ToList().ForEach(v => v.AutoSnapshotPolicyId = null);
            state.Records.Remove(policy);
            return EmulatorResponse.Ok();
        }),
        new("AttachAsp", (call, state) =>
        {
            EmulatedRecord policy = Find(call, state, call.PathValue("aspId"));
            Volumes(call, state).ForEach(v => v.AutoSnapshotPolicyId = policy.Id);
            return EmulatorResponse.Ok();
        }),
        new("DetachAsp", (call, state) =>
        {
            EmulatedRecord policy = Find(call, state, call.PathValue("aspId"));
            List<EmulatedVolume> volumes = Volumes(call, state);
            if (volumes.FirstOrDefault(v => v.AutoSnapshotPolicyId != policy.Id) is { } other)
            {
                throw EmulatorError.Conflict("Asp.VolumeNotAttached", $"{other.Id} is not attached to {policy.Id}.");
            }

            volumes.ForEach(v => v.AutoSnapshotPolicyId = null);
            return EmulatorResponse.Ok();
        }),
    ];

    private static EmulatedRecord Find(EmulatorCall call, EmulatorState state, string id) => state.FindRecord(RecordKind.AutoSnapshotPolicy, id, call.Now);

    private static List<EmulatedVolume> Volumes(EmulatorCall call, EmulatorState state)
    {
        IReadOnlyList<string> ids = call.Strings("volumeIds");
        return ids.Count == 0 ? throw EmulatorError.BadRequest("'volumeIds' is required.") : [.. ids.Select(id => state.FindVolume(id, call.Now))];
    }

    private static JsonObject Json(EmulatedRecord policy, EmulatorState state)
    {
        policy.Fields["volumeCount"] = state.Volumes.Count(v => v.AutoSnapshotPolicyId == policy.Id);
        return policy.ToJson("AutoSnapshotPolicy");
    }

    /// <summary>Sets name, time points (hours 0–23), weekdays (0–6) and retention days (-1 keeps forever).</summary>
    private static void Apply(EmulatedRecord policy, EmulatorCall call, bool creating)
    {
        policy.Fields["name"] = call.String("name") ?? (creating ? throw EmulatorError.BadRequest("'name' is required.") : policy.Text("name"));
        policy.Fields["timePoints"] = Numbers(call, "timePoints", 0, 23, creating) ?? policy.Fields["timePoints"]?.DeepClone();
        policy.Fields["repeatWeekdays"] = Numbers(call, "repeatWeekdays", 0, 6, creating) ?? policy.Fields["repeatWeekdays"]?.DeepClone();
        string? retention = call.String("retentionDays");
        policy.Fields["retentionDays"] = retention is null
            ? policy.Fields["retentionDays"]?.DeepClone() ?? -1
            : int.TryParse(retention, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int days) && days is -1 or (>= 1 and <= 65536) ? days : throw EmulatorError.BadRequest("'retentionDays' must be -1 or 1–65536.");
    }

    private static JsonArray? Numbers(EmulatorCall call, string name, int min, int max, bool required)
    {
        IReadOnlyList<string> values = call.Strings(name);
        if (values.Count == 0)
        {
            return required ? throw EmulatorError.BadRequest($"'{name}' is required.") : null;
        }

        return new JsonArray([.. values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max
            ? (JsonNode)n
            : throw EmulatorError.BadRequest($"Every item of '{name}' must be {min}–{max}."))]);
    }
}
