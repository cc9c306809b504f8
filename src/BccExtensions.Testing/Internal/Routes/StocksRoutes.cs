using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Stock: how many more instances of a spec a zone can start. Each zone holds <see cref="Capacity"/> of every spec;
/// each instance of that spec in the zone takes one, so creating and releasing instances moves the numbers.
/// </summary>
internal static class StocksRoutes
{
    /// <summary>The instances of one spec a zone holds when empty.</summary>
    public const int Capacity = 100;

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetAllStocks", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["bccStocks"] = Stocks(state, state.Specs.Keys, call.Now),
            ["bbcStocks"] = new JsonArray(),
        })),
        new("GetStockWithSpec", (call, state) => EmulatorResponse.Ok(new JsonObject { ["bccStocks"] = Stocks(state, [Spec(state, call.RequiredString("spec"))], call.Now, Placement(call, state)) })),
        new("GetStockWithDeploySet", (call, state) => EmulatorResponse.Ok(new JsonObject { ["bccStocks"] = Stocks(state, [Spec(state, call.RequiredString("spec"))], call.Now, Placement(call, state)) })),
        new("GetAvailableStockWithSpec", (call, state) =>
        {
            IReadOnlyList<string> specs = call.Strings("specList");
            if (specs.Count == 0)
            {
                throw EmulatorError.BadRequest("'specList' is required.");
            }

            return EmulatorResponse.Ok(new JsonObject { ["bccStocks"] = Stocks(state, [.. specs.Select(s => Spec(state, s))], call.Now, Placement(call, state)) });
        }),
        new("GetInstOccupyStocksOfVm", (call, state) =>
        {
            IReadOnlyList<JsonObject> flavors = call.Objects("flavors");
            if (flavors.Count == 0)
            {
                throw EmulatorError.BadRequest("'flavors' is required.");
            }

            return EmulatorResponse.Ok(new JsonObject
            {
                ["bccStocks"] = new JsonArray([.. flavors.Select(f =>
                {
                    string spec = Spec(state, f["spec"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("Every item of 'flavors' needs a spec."));
                    string zone = f["logicalZone"]?.GetValue<string>() is { Length: > 0 } z ? Zone(state, z) : state.Zones[0];
                    return (JsonNode)new JsonObject { ["spec"] = spec, ["inventoryQuantity"] = Available(state, spec, zone), ["rootOnLocal"] = false, ["logicalZone"] = zone };
                })]),
            });
        }),
        new("GetInstanceCreateStock", (call, state) =>
        {
            string zone = Zone(state, call.RequiredString("zoneName"));
            string? spec = Matching(state, call.Int("cpuCount"), call.Int("memoryCapacityInGB"));
            return EmulatorResponse.Ok(new JsonObject { ["flavorId"] = spec ?? string.Empty, ["Count"] = spec is null ? 0 : Available(state, spec, zone) });
        }),
        new("GetInstanceResizeStock", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            string? spec = Matching(state, call.Int("cpuCount"), call.Int("memoryCapacityInGB"));
            return EmulatorResponse.Ok(new JsonObject { ["flavorId"] = spec ?? string.Empty, ["Count"] = spec is null ? 0 : Available(state, spec, instance.ZoneName) });
        }),
    ];

    /// <summary>Gets how many more instances of <paramref name="spec"/> <paramref name="zone"/> can start.</summary>
    public static int Available(EmulatorState state, string spec, string zone) =>
        Math.Max(0, Capacity - state.Instances.Count(i => i.Spec == spec && i.ZoneName == zone));

    private static JsonArray Stocks(EmulatorState state, IEnumerable<string> specs, DateTimeOffset now, int? cap = null) =>
        new([.. specs.SelectMany(spec => state.Zones.Select(zone => (JsonNode)new JsonObject
        {
            ["spec"] = spec,
            ["specId"] = spec.Split('.')[1],
            ["inventoryQuantity"] = Math.Min(cap ?? int.MaxValue, Available(state, spec, zone)),
            ["rootOnLocal"] = false,
            ["updatedTime"] = EmulatedResource.Timestamp(now),
            ["collectionTime"] = EmulatedResource.Timestamp(now),
            ["logicalZone"] = zone,
        }))]);

    /// <summary>
    /// Checks the deployment sets and EHC cluster a stock query names; a deployment set spreads its members one per
    /// host, so with sets the stock is at most the hosts left (the emulator's zones have 20 hosts).
    /// </summary>
    private static int? Placement(EmulatorCall call, EmulatorState state)
    {
        EhcClustersRoutes.Require(state, call.String("ehcClusterId"), call.Now);
        List<EmulatedDeploySet> sets = [.. call.Strings("deploySetIds").Select(id => EmulatorState.Find(state.DeploySets, id, "Deployment set", call.Now))];
        return sets.Count == 0 ? null : sets.Min(s => Math.Max(0, 20 - state.Instances.Count(i => i.DeploySetId == s.Id)));
    }

    private static string Spec(EmulatorState state, string spec) =>
        state.Specs.ContainsKey(spec) ? spec : throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");

    private static string Zone(EmulatorState state, string zone) =>
        state.Zones.Contains(zone) ? zone : throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");

    /// <summary>The spec with exactly the vCPUs and memory asked for, or <see langword="null"/>.</summary>
    private static string? Matching(EmulatorState state, int? cpu, int? memory) =>
        state.Specs.Where(s => (cpu is null || s.Value.Cpu == cpu) && (memory is null || s.Value.MemoryGB == memory)).Select(s => s.Key).FirstOrDefault();
}
