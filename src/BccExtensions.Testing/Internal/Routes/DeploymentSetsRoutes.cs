using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Deployment sets (HOST_HA, RACK_HA, TOR_HA); one with instances cannot be deleted.</summary>
internal static class DeploymentSetsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateDeploySet", Create),
        new("ListDeploySet", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["pageNo"] = 1,
            ["pageSize"] = state.DeploySets.Count,
            ["totalCount"] = state.DeploySets.Count,
            ["deploySets"] = new JsonArray([.. state.DeploySets.Select(s => (JsonNode)s.ToJson(Members(state, s)))]),
        })),
        new("GetDeploySet", (call, state) =>
        {
            EmulatedDeploySet set = EmulatorState.Find(state.DeploySets, call.PathValue("id"), "Deployment set", call.Now);
            return EmulatorResponse.Ok(set.ToJson(Members(state, set)));
        }),
        new("DeleteDeploySet", Delete),
    ];

    private static List<EmulatedInstance> Members(EmulatorState state, EmulatedDeploySet set) =>
        state.Instances.Where(i => i.DeploySetId == set.Id).ToList();

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        string strategy = call.String("strategy") ?? "HOST_HA";
        if (strategy is not ("HOST_HA" or "RACK_HA" or "TOR_HA"))
        {
            throw EmulatorError.BadRequest("'strategy' must be HOST_HA, RACK_HA or TOR_HA.");
        }

        var set = new EmulatedDeploySet
        {
            Id = EmulatorState.NewId("dset"),
            Name = call.String("name") ?? "deployset",
            Description = call.String("desc") ?? string.Empty,
            Strategy = strategy,
            Concurrency = call.Int("concurrency") ?? 1,
        };
        set.Transition("Available", "Available", call.Now, TimeSpan.Zero);
        state.DeploySets.Add(set);
        return EmulatorResponse.Ok(new JsonObject { ["deploySetIds"] = new JsonArray(set.Id) });
    }

    private static EmulatorResponse Delete(EmulatorCall call, EmulatorState state)
    {
        EmulatedDeploySet set = EmulatorState.Find(state.DeploySets, call.PathValue("deployId"), "Deployment set", call.Now);
        if (Members(state, set).Count > 0)
        {
            throw EmulatorError.Conflict("DeploySet.InUse", $"{set.Id} still has instances.");
        }

        state.DeploySets.Remove(set);
        return EmulatorResponse.Ok();
    }
}
