using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Batch actions: each id is acted on as the single operation would. Start, stop and reboot report the ids they
/// could not act on in <c>failedInstanceIdList</c> and act on the rest, as BCC does; rebuild and resize are all or
/// nothing.
/// </summary>
internal static class InstanceBatchRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("BatchStartInstance", (call, state) => EachOrFail(call, state, ["Stopped"], "Starting", "Running")),
        new("BatchStopInstance", (call, state) => EachOrFail(call, state, ["Running"], "Stopping", "Stopped")),
        new("BatchRebootInstance", (call, state) => EachOrFail(call, state, ["Running"], "Starting", "Running")),
        new("RebuildBatchInstance", (call, state) =>
        {
            List<EmulatedInstance> instances = Every(call, state, "instanceIds");
            instances.ForEach(i => i.RequireStatus("Instance.RebuildOperationForbidden", "Running", "Stopped"));
            instances.ForEach(i => InstancesRoutes.Rebuild(i, call, state));
            return EmulatorResponse.Ok();
        }),
        new("InstanceBatchResizeBySpec", (call, state) =>
        {
            List<EmulatedInstance> instances = Every(call, state, "instanceIdList");
            string spec = call.RequiredString("spec");
            instances.ForEach(i => i.RequireStatus("Instance.ResizeOperationForbidden", "Running", "Stopped"));
            instances.ForEach(i => InstancesRoutes.Resize(i, spec, call, state));
            return EmulatorResponse.Ok(new JsonObject { ["orderUuidResults"] = new JsonArray([.. instances.Select(_ => (JsonNode)Guid.NewGuid().ToString())]) });
        }),
    ];

    /// <summary>Finds every listed instance, or refuses the whole batch naming the first unknown one.</summary>
    public static List<EmulatedInstance> Every(EmulatorCall call, EmulatorState state, string member)
    {
        IReadOnlyList<string> ids = call.Strings(member);
        return ids.Count == 0
            ? throw EmulatorError.BadRequest($"'{member}' is required.")
            : [.. ids.Select(id => state.FindInstance(id, call.Now))];
    }

    /// <summary>
    /// Acts on each instance of <c>instanceIds</c> that exists and <paramref name="act"/> accepts (it answers whether it
    /// acted); the others are listed in <c>failedInstanceIdList</c>, as BCC lists the ids it could not change.
    /// </summary>
    public static EmulatorResponse EachOrList(EmulatorCall call, EmulatorState state, Func<EmulatedInstance, bool> act)
    {
        IReadOnlyList<string> ids = call.Strings("instanceIds");
        if (ids.Count == 0)
        {
            throw EmulatorError.BadRequest("'instanceIds' is required.");
        }

        var failed = new JsonArray();
        foreach (string id in ids)
        {
            EmulatedInstance? instance = state.Instances.FirstOrDefault(i => i.Id == id);
            instance?.Refresh(call.Now);
            if (instance is null || !act(instance))
            {
                failed.Add((JsonNode)id);
            }
        }

        return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = failed });
    }

    private static EmulatorResponse EachOrFail(EmulatorCall call, EmulatorState state, string[] from, string through, string to) =>
        EachOrList(call, state, instance =>
        {
            if (!from.Contains(instance.Status))
            {
                return false;
            }

            instance.Transition(through, to, call.Now, state.TransitionDelay);
            instance.StoppedWithNoCharge = to == "Stopped" && call.Bool("stopWithNoCharge");
            return true;
        });
}
