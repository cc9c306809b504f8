using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Specs: the flavours the emulated zones sell.</summary>
internal static class SpecsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListFlavorSpec", ListFlavorSpec),
        new("ListSpec", ListSpec),
    ];

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
