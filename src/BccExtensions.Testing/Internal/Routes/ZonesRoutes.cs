using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Zones and regions: the zones of the emulated region, and the regions BCC serves.</summary>
internal static class ZonesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListZones", (_, state) => EmulatorResponse.Ok(new JsonObject { ["zones"] = new JsonArray([.. state.Zones.Select(z => (JsonNode)new JsonObject { ["zoneName"] = z })]) })),
        new("DescribeRegions", (call, state) =>
        {
            string? region = call.String("region");
            if (region is not null && !state.Regions.ContainsKey(region))
            {
                throw EmulatorError.BadRequest($"Unknown region '{region}'.");
            }

            return EmulatorResponse.Ok(new JsonObject
            {
                ["regions"] = new JsonArray([.. state.Regions.Where(r => region is null || r.Key == region).Select(r => (JsonNode)new JsonObject
                {
                    ["regionId"] = r.Key,
                    ["regionName"] = r.Value,
                    ["regionEndpoint"] = $"bcc.{r.Key}.baidubce.com",
                })]),
            });
        }),
    ];

    /// <summary>Gets the zones a request names in <paramref name="name"/> of its query, or all; 400 for a zone the region does not have.</summary>
    public static IReadOnlyList<string> Requested(EmulatorCall call, EmulatorState state, string name = "zoneName")
    {
        string? zone = call.QueryOrBody(name);
        return zone is null ? state.Zones : state.Zones.Contains(zone) ? [zone] : throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");
    }
}
