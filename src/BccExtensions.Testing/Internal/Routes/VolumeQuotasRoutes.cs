using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>The account's CDS quota and the sizes each zone sells, with usage counted from the emulated volumes.</summary>
internal static class VolumeQuotasRoutes
{
    /// <summary>The capacity the account may hold, in GB.</summary>
    private const int QuotaGB = 327_680;

    /// <summary>The volumes the account may hold.</summary>
    private const int QuotaVolumes = 500;

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetAvailableDiskInfo", (call, state) =>
        {
            IReadOnlyList<string> zones = ZonesRoutes.Requested(call, state);
            int used = UsedGB(state);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["cdsUsedCapacityGB"] = EmulatedRecord.Count(used),
                ["cdsCreated"] = EmulatedRecord.Count(state.Volumes.Count),
                ["cdsTotalCapacityGB"] = EmulatedRecord.Count(QuotaGB),
                ["cdsTotal"] = EmulatedRecord.Count(QuotaVolumes),
                ["cdsRatio"] = (used * 100.0 / QuotaGB).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                ["diskZoneResources"] = new JsonArray([.. zones.Select(z => (JsonNode)new JsonObject { ["zoneName"] = z, ["diskInfos"] = DiskInfos() })]),
            });
        }),
        new("GetDiskQuota", (call, state) =>
        {
            ZonesRoutes.Requested(call, state);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["cdsTotalCapacityGB"] = EmulatedRecord.Count(QuotaGB),
                ["cdsUsedCapacityGB"] = EmulatedRecord.Count(UsedGB(state)),
                ["diskInfos"] = DiskInfos(),
            });
        }),
    ];

    private static int UsedGB(EmulatorState state) => state.Volumes.Where(v => !v.IsSystem).Sum(v => v.SizeInGB);

    /// <summary>The storage types sold, with the sizes a data volume may have (5–32,765 GB).</summary>
    private static JsonArray DiskInfos() =>
        new([.. EmulatorPricing.VolumePerGBMonth.Keys.Select(type => (JsonNode)new JsonObject { ["storageType"] = type, ["maxDiskSize"] = 32765, ["minDiskSize"] = 5 })]);
}
