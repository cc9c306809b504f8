using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>EHC clusters (high-performance computing groups): create, list, rename and delete; one that instances or reserved instances use cannot be deleted.</summary>
internal static class EhcClustersRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateEhcCluster", (call, state) =>
        {
            string zone = call.RequiredString("zoneName");
            if (!state.Zones.Contains(zone))
            {
                throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");
            }

            EmulatedRecord cluster = state.AddRecord(RecordKind.EhcCluster, new JsonObject
            {
                ["name"] = call.RequiredString("name"),
                ["description"] = call.String("description") ?? string.Empty,
                ["zoneName"] = zone,
                ["createdTime"] = EmulatedResource.Timestamp(call.Now),
            }, "Available", call.Now);
            cluster.Fields["ehcClusterId"] = cluster.Id;
            return EmulatorResponse.Ok(new JsonObject { ["ehcClusterId"] = cluster.Id });
        }),
        new("EhcClusterList", (call, state) =>
        {
            IReadOnlyList<string> ids = call.Strings("ehcClusterIdList");
            IReadOnlyList<string> names = call.Strings("nameList");
            IEnumerable<EmulatedRecord> clusters = state.RecordsOf(RecordKind.EhcCluster, call.Now)
                .Where(c => ids.Count == 0 || ids.Contains(c.Id))
                .Where(c => names.Count == 0 || names.Contains(c.Text("name") ?? string.Empty));
            List<JsonObject> listed = [.. EmulatorRoutes.Filter(clusters, call.String("zoneName"), (c, v) => c.Text("zoneName") == v).Select(c => Json(c, state, call.Now))];
            return EmulatorResponse.Ok(new JsonObject { ["totalCount"] = listed.Count, ["ehcClusters"] = new JsonArray([.. listed]) });
        }),
        new("ModifyEhcCluster", (call, state) =>
        {
            EmulatedRecord cluster = state.FindRecord(RecordKind.EhcCluster, call.RequiredString("ehcClusterId"), call.Now);
            cluster.Fields["name"] = call.String("name") ?? cluster.Text("name");
            cluster.Fields["description"] = call.String("description") ?? cluster.Text("description");
            return EmulatorResponse.Ok(new JsonObject()); // Baidu's Go SDK reads a JSON body here
        }),
        new("DeleteEhcCluster", (call, state) =>
        {
            List<EmulatedRecord> clusters = [.. call.Strings("ehcClusterIdList").Select(id => state.FindRecord(RecordKind.EhcCluster, id, call.Now))];
            if (clusters.Count == 0)
            {
                throw EmulatorError.BadRequest("'ehcClusterIdList' is required.");
            }

            if (clusters.FirstOrDefault(c => ReservedIn(state, c, call.Now).Count > 0 || state.Instances.Any(i => i.EhcClusterId == c.Id)) is { } used)
            {
                throw EmulatorError.Conflict("EhcCluster.InUse", $"{used.Id} has instances or reserved instances.");
            }

            state.Records.RemoveAll(clusters.Contains);
            return EmulatorResponse.Ok(new JsonObject()); // Baidu's Go SDK reads a JSON body here
        }),
    ];

    /// <summary>Throws 404 unless the EHC cluster exists (operations that place into one).</summary>
    public static void Require(EmulatorState state, string? id, DateTimeOffset now)
    {
        if (id is not null)
        {
            state.FindRecord(RecordKind.EhcCluster, id, now);
        }
    }

    private static List<EmulatedRecord> ReservedIn(EmulatorState state, EmulatedRecord cluster, DateTimeOffset now) =>
        [.. state.RecordsOf(RecordKind.ReservedInstance, now).Where(r => r.Text("ehcClusterId") == cluster.Id)];

    private static JsonObject Json(EmulatedRecord cluster, EmulatorState state, DateTimeOffset now)
    {
        JsonObject json = cluster.ToJson("EhcCluster");
        json["reservedInstanceIds"] = new JsonArray([.. ReservedIn(state, cluster, now).Select(r => (JsonNode)r.Id)]);
        json["instanceIds"] = new JsonArray([.. state.Instances.Where(i => i.EhcClusterId == cluster.Id).Select(i => (JsonNode)i.Id)]);
        return json;
    }
}
