using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Specs: the flavours the emulated zones sell, by zone, family and size; every zone sells every spec.</summary>
internal static class SpecsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListFlavorSpec", ListFlavorSpec),
        new("ListSpec", ListSpec),
        new("GetSortedInstFlavors", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["zoneResources"] = new JsonArray([.. state.Zones.Select(zone => (JsonNode)new JsonObject
            {
                ["logicalZone"] = zone,
                ["bccResources"] = new JsonArray([.. Families(state).Select(family => (JsonNode)new JsonObject
                {
                    ["specId"] = family.Key,
                    ["flavors"] = new JsonArray([.. family.OrderBy(s => s.Value.Cpu).ThenBy(s => s.Value.MemoryGB).Select(s => (JsonNode)new JsonObject
                    {
                        ["spec"] = s.Key,
                        ["cpuCount"] = s.Value.Cpu,
                        ["memoryCapacityInGB"] = s.Value.MemoryGB,
                    })]),
                })]),
            })]),
        })),
        new("ListBidFlavor", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["zoneResources"] = new JsonArray([.. state.Zones.Select(zone => (JsonNode)new JsonObject
            {
                ["zoneName"] = zone,
                ["bccResources"] = new JsonArray([.. Families(state).Select(family => (JsonNode)new JsonObject
                {
                    ["instanceType"] = family.Key.ToUpperInvariant(),
                    ["flavors"] = new JsonArray([.. family.Select(s => (JsonNode)new JsonObject
                    {
                        ["specId"] = family.Key,
                        ["cpuCount"] = s.Value.Cpu,
                        ["memoryCapacityInGB"] = s.Value.MemoryGB,
                        ["productType"] = "bidding",
                        ["spec"] = s.Key,
                    })]),
                })]),
            })]),
        })),
        new("GetZoneBySpec", (call, state) =>
        {
            string? spec = call.QueryString("spec");
            string? family = call.QueryString("specId");
            bool sold = state.Specs.Keys.Any(s => (spec is null || s == spec) && (family is null || s.Split('.')[1] == family));
            return EmulatorResponse.Ok(new JsonObject { ["zoneNames"] = new JsonArray([.. (sold ? state.Zones : []).Select(z => (JsonNode)z)]) });
        }),
        new("ListInstanceTypes", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["zoneInstanceTypes"] = new JsonArray([.. ZonesRoutes.Requested(call, state).Select(zone => (JsonNode)new JsonObject
            {
                ["zoneName"] = zone,
                ["instanceTypes"] = new JsonArray([.. Families(state).Select(f => (JsonNode)f.Key.ToUpperInvariant())]),
            })]),
        })),
    ];

    /// <summary>Groups the specs by family (<c>g5</c> of <c>bcc.g5.c2m8</c>).</summary>
    private static IEnumerable<IGrouping<string, KeyValuePair<string, (int Cpu, int MemoryGB)>>> Families(EmulatorState state) =>
        state.Specs.GroupBy(s => s.Key.Split('.')[1]);

    private static EmulatorResponse ListFlavorSpec(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<string> zones = call.QueryString("zoneName") is { } zone ? [zone] : state.Zones;
        return EmulatorResponse.Ok(new JsonObject
        {
            ["zoneResources"] = new JsonArray(zones.Select(z => (JsonNode)new JsonObject
            {
                ["zoneName"] = z,
                ["bccResources"] = new JsonObject
                {
                    ["flavorGroups"] = new JsonArray(state.Specs.GroupBy(s => s.Key.Split('.')[1]).Select(g => (JsonNode)new JsonObject
                    {
                        ["groupId"] = g.Key,
                        ["flavors"] = new JsonArray(g.Select(s => (JsonNode)new JsonObject
                        {
                            ["spec"] = s.Key,
                            ["specId"] = g.Key,
                            ["cpuCount"] = s.Value.Cpu,
                            ["memoryCapacityInGB"] = s.Value.MemoryGB,
                            ["productType"] = "PostPay",
                            ["netEthQueueCount"] = "2",
                            ["systemDiskType"] = new JsonArray("cloud_hp1", "enhanced_ssd_pl1"),
                            ["dataDiskType"] = new JsonArray("cloud_hp1", "enhanced_ssd_pl1", "hdd"),
                        }).ToArray()),
                    }).ToArray()),
                },
            }).ToArray()),
        });
    }

    private static EmulatorResponse ListSpec(EmulatorCall call, EmulatorState state)
    {
        return EmulatorResponse.Ok(new JsonObject
        {
            ["instanceTypes"] = new JsonArray(state.Specs.Select(s => (JsonNode)new JsonObject
            {
                ["type"] = s.Key.Split('.')[1].ToUpperInvariant(),
                ["name"] = s.Key,
                ["cpuCount"] = s.Value.Cpu,
                ["memorySizeInGB"] = s.Value.MemoryGB,
                ["localDiskSizeInGB"] = 0,
            }).ToArray()),
        });
    }
}
