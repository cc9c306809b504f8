using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Deployment sets (HOST_HA, RACK_HA, TOR_HA), their attributes and members; one with instances cannot be deleted.</summary>
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
            ["deploySets"] = new JsonArray([.. state.DeploySets.Select(s => (JsonNode)s.ToListJson(Members(state, s)))]),
        })),
        new("GetDeploySet", (call, state) =>
        {
            EmulatedDeploySet set = Find(state, call.PathValue("id"), call.Now);
            return EmulatorResponse.Ok(set.ToDetailJson(Members(state, set)));
        }),
        new("DeleteDeploySet", Delete),
        new("UpdateDeploySet", (call, state) =>
        {
            EmulatedDeploySet set = Find(state, call.PathValue("deployId"), call.Now);
            set.Name = call.String("name") ?? set.Name;
            set.Description = call.String("desc") ?? set.Description;
            return EmulatorResponse.Ok();
        }),
        new("UpdateDeploySetRelation", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            IReadOnlyList<string> sets = call.Strings("deploysetIdList");
            if (sets.Count != 1)
            {
                throw EmulatorError.BadRequest("'deploysetIdList' must name one deployment set.");
            }

            instance.DeploySetId = Find(state, sets[0], call.Now).Id;
            string taskId = TasksRoutes.Record(state, "updateDeploySetRelation", [instance.Id], call.Now);
            return EmulatorResponse.Ok(new JsonObject { ["taskId"] = taskId });
        }),
        new("DeleteInstanceDeploySet", (call, state) =>
        {
            EmulatedDeploySet set = Find(state, call.RequiredString("deployId"), call.Now);
            List<EmulatedInstance> instances = [.. call.Strings("instanceIdList").Select(id => state.FindInstance(id, call.Now))];
            if (instances.Count == 0)
            {
                throw EmulatorError.BadRequest("'instanceIdList' is required.");
            }

            if (instances.FirstOrDefault(i => i.DeploySetId != set.Id) is { } outside)
            {
                throw EmulatorError.BadRequest($"{outside.Id} is not in deployment set {set.Id}.");
            }

            instances.ForEach(i => i.DeploySetId = null);
            return EmulatorResponse.Ok();
        }),
    ];

    private static EmulatedDeploySet Find(EmulatorState state, string id, DateTimeOffset now) => EmulatorState.Find(state.DeploySets, id, "Deployment set", now);

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
        EmulatedDeploySet set = Find(state, call.PathValue("deployId"), call.Now);
        if (Members(state, set).Count > 0)
        {
            throw EmulatorError.Conflict("DeploySet.InUse", $"{set.Id} still has instances.");
        }

        state.DeploySets.Remove(set);
        return EmulatorResponse.Ok();
    }
}
