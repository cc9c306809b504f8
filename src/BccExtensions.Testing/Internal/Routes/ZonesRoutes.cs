using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Zones: the zones of the emulated region.</summary>
internal static class ZonesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListZones", (_, state) => EmulatorResponse.Ok(new JsonObject { ["zones"] = new JsonArray([.. state.Zones.Select(z => (JsonNode)new JsonObject { ["zoneName"] = z })]) })),
    ];
}
