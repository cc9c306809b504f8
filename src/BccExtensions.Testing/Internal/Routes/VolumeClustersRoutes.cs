using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Volume clusters (dedicated CDS capacity): create, read, resize, renew, auto-renew and tags.</summary>
internal static class VolumeClustersRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateVolumeCluster", Create),
        new("GetVolumeCluster", (call, state) => EmulatorResponse.Ok(Refreshed(Find(call, state), state).ToJson("GetVolumeClusterResponse"))),
        new("ListVolumeClusters", (call, state) =>
        {
            IEnumerable<EmulatedRecord> clusters = state.RecordsOf(RecordKind.VolumeCluster, call.Now);
            clusters = EmulatorRoutes.Filter(clusters, call.QueryString("zoneName"), (c, v) => c.Text("logicalZone") == v);
            clusters = EmulatorRoutes.Filter(clusters, call.QueryString("clusterName"), (c, v) => c.Text("clusterName") == v);
            return EmulatorPaging.Page(call, clusters.ToList(), "result", c => Refreshed(c, state).ToJson("VolumeCluster"));
        }),
        new("ResizeVolumeCluster", (call, state) =>
        {
            EmulatedRecord cluster = Find(call, state);
            int size = call.Int("newClusterSizeInGB") ?? throw EmulatorError.BadRequest("'newClusterSizeInGB' is required.");
            if (size <= cluster.Number("totalCapacity"))
            {
                throw EmulatorError.BadRequest("A volume cluster can only grow.");
            }

            cluster.Fields["totalCapacity"] = size;
            return Order();
        }),
        new("PurchaseReservedVolumeCluster", (call, state) =>
        {
            EmulatedRecord cluster = Find(call, state);
            JsonObject? reservation = call.Object("billing")?["reservation"] as JsonObject;
            DateTimeOffset from = DateTimeOffset.TryParse(cluster.Text("expiredTime"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset at) && at > call.Now ? at : call.Now;
            cluster.Fields["expiredTime"] = EmulatedResource.Timestamp(EmulatorBilling.Extend(from, reservation?["reservationLength"]?.GetValue<int>() ?? 1, reservation?["reservationTimeUnit"]?.GetValue<string>()));
            return Order();
        }),
        new("AutoRenewVolumeCluster", (call, state) => AutoRenew(call, state, enable: true)),
        new("CancelAutoRenewVolumeCluster", (call, state) => AutoRenew(call, state, enable: false)),
        new("BindTagVolumeCluster", (call, state) => TagsRoutes.Change(call, Find(call, state), bind: true)),
        new("UnbindTagVolumeCluster", (call, state) => TagsRoutes.Change(call, Find(call, state), bind: false)),
    ];

    private static EmulatedRecord Find(EmulatorCall call, EmulatorState state) => state.FindRecord(RecordKind.VolumeCluster, call.PathValue("clusterId"), call.Now);

    private static EmulatorResponse Order() => EmulatorResponse.Ok(new JsonObject { ["orderId"] = EmulatorState.NewId("o") });

    private static EmulatorResponse AutoRenew(EmulatorCall call, EmulatorState state, bool enable)
    {
        EmulatedRecord cluster = state.FindRecord(RecordKind.VolumeCluster, call.RequiredString("clusterId"), call.Now);
        cluster.Fields["enableAutoRenew"] = enable;
        return EmulatorResponse.Ok();
    }

    /// <summary>Brings the cluster's usage up to date with the volumes created in it.</summary>
    private static EmulatedRecord Refreshed(EmulatedRecord cluster, EmulatorState state)
    {
        List<EmulatedVolume> volumes = [.. state.Volumes.Where(v => v.ClusterId == cluster.Id)];
        int used = volumes.Sum(v => v.SizeInGB);
        cluster.Fields["usedCapacity"] = used;
        cluster.Fields["availableCapacity"] = cluster.Number("totalCapacity") - used;
        cluster.Fields["createdVolumeNum"] = volumes.Count;
        cluster.Fields["affiliatedCDSNumber"] = new JsonArray([.. volumes.Select(v => (JsonNode)v.Id)]);
        return cluster;
    }

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        string zone = call.String("zoneName") ?? state.Zones[0];
        if (!state.Zones.Contains(zone))
        {
            throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");
        }

        int size = call.Int("clusterSizeInGB") ?? throw EmulatorError.BadRequest("'clusterSizeInGB' is required.");
        (string timing, DateTimeOffset? expires) = EmulatorBilling.Read(call.Object("billing"), call.Now);
        var ids = new JsonArray();
        for (int i = 0; i < (call.Int("purchaseCount") ?? 1); i++)
        {
            EmulatedRecord cluster = state.AddRecord(RecordKind.VolumeCluster, new JsonObject
            {
                ["clusterName"] = call.String("clusterName") ?? "cluster",
                ["createdTime"] = EmulatedResource.Timestamp(call.Now),
                ["expiredTime"] = expires is { } at ? EmulatedResource.Timestamp(at) : string.Empty,
                ["logicalZone"] = zone,
                ["productType"] = timing,
                ["clusterType"] = call.String("storageType") ?? "cloud_hp1",
                ["totalCapacity"] = size,
                ["expandingCapacity"] = 0,
                ["enableAutoRenew"] = call.Int("renewTime") is not null,
            }, "Available", call.Now);
            cluster.Fields["clusterId"] = cluster.Id;
            cluster.BindTags(call.Tags("tags"));
            ids.Add((JsonNode)cluster.Id);
        }

        return EmulatorResponse.Ok(new JsonObject { ["clusterIds"] = ids });
    }
}
