using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>The other ways to read instances: by ids, in v3's shape, id mappings, user data and the specs one can resize to.</summary>
internal static class InstanceQueryRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListInstanceByIds", (call, state) =>
        {
            IReadOnlyList<string> ids = call.Strings("instanceIds");
            List<EmulatedInstance> matches = EmulatedResource.RefreshAll(state.Instances.Where(i => ids.Contains(i.Id)), call.Now);
            return EmulatorPaging.Page(call, matches, "instances", i => i.ToJson());
        }),
        new("ListServersByMarkerV3", ListV3),
        new("ListIdMappings", (call, state) =>
        {
            // idType "long" gives serial numbers (uuids) to map to short ids; otherwise short ids to map to serial numbers.
            bool fromLong = string.Equals(call.String("idType"), "long", StringComparison.OrdinalIgnoreCase);
            IReadOnlyList<string> ids = call.Strings("instanceIds");
            IEnumerable<EmulatedInstance> found = state.Instances.Where(i => ids.Contains(fromLong ? i.SerialNumber.ToString() : i.Id));
            return EmulatorResponse.Ok(new JsonObject
            {
                ["mappings"] = new JsonArray([.. found.Select(i => (JsonNode)new JsonObject { ["uuid"] = i.SerialNumber.ToString(), ["id"] = i.Id })]),
            });
        }),
        new("GetInstanceUserDataInfo", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            return EmulatorResponse.Ok(new JsonObject { ["instanceId"] = instance.Id, ["userData"] = instance.UserData ?? string.Empty });
        }),
        new("ListAvailableResizeSpec", (call, state) =>
        {
            string? family = (call.String("spec") ?? call.Strings("instanceIdList").Select(id => state.FindInstance(id, call.Now).Spec).FirstOrDefault())?.Split('.') is [_, var f, ..] ? f : null;
            IEnumerable<string> specs = state.Specs.Keys.Where(s => family is null || s.Split('.')[1] == family);
            return EmulatorResponse.Ok(new JsonObject { ["specList"] = new JsonArray([.. specs.Select(s => (JsonNode)s)]) });
        }),
    ];

    private static EmulatorResponse ListV3(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<EmulatedInstance> matches = EmulatedResource.RefreshAll(state.Instances, call.Now);
        matches = EmulatorRoutes.Filter(matches, call.String("instanceId"), (i, v) => i.Id == v);
        matches = EmulatorRoutes.Filter(matches, call.String("instanceName"), (i, v) => i.Name.Contains(v, StringComparison.OrdinalIgnoreCase));
        matches = EmulatorRoutes.Filter(matches, call.String("privateIpAddress"), (i, v) => i.InternalIp == v);
        matches = EmulatorRoutes.Filter(matches, call.String("subnetId"), (i, v) => i.SubnetId == v);
        matches = EmulatorRoutes.Filter(matches, call.String("zoneName"), (i, v) => i.ZoneName == v);
        matches = EmulatorRoutes.Filter(matches, call.String("keypairId"), (i, v) => i.KeyPairId == v);
        matches = EmulatorRoutes.Filter(matches, call.String("deploymentSetId"), (i, v) => i.DeploySetId == v);
        if (call.Object("tag") is { } tag && tag["tagKey"]?.GetValue<string>() is { Length: > 0 } key)
        {
            string value = tag["tagValue"]?.GetValue<string>() ?? string.Empty;
            matches = matches.Where(i => i.HasTag(value.Length == 0 ? key : key + ":" + value));
        }

        return EmulatorPaging.Page(call, matches.ToList(), "instances", i => i.ToV3Json(state.Volumes.Where(v => v.InstanceId == i.Id)));
    }
}
