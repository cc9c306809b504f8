using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>Instances and zones, with BCC's state rules: start needs Stopped, stop needs Running, and so on.</summary>
internal static class InstanceRoutes
{
    public static EmulatorResponse? TryHandle(EmulatorCall call, EmulatorState state)
    {
        if (call.Is("GET", "v2", "zone"))
        {
            return EmulatorResponse.Ok(new JsonObject { ["zones"] = new JsonArray(state.Zones.Select(z => (JsonNode)new JsonObject { ["zoneName"] = z }).ToArray()) });
        }

        if (call.Is("GET", "v2", "instance"))
        {
            return List(call, state);
        }

        if (call.Is("POST", "v2", "instanceBySpec"))
        {
            return Create(call, state);
        }

        if (call.Is("PUT", "v2", "instanceBySpec", "*") && call.HasFlag("resize"))
        {
            EmulatedInstance instance = state.FindInstance(call.Segments[2], call.Now);
            string spec = call.RequiredString("spec");
            (int cpu, int memory) = state.Specs.TryGetValue(spec, out var size) ? size : throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
            instance.RequireStatus("Instance.ResizeOperationForbidden", "Running", "Stopped");
            string back = instance.Status;
            instance.Spec = spec;
            instance.CpuCount = cpu;
            instance.MemoryCapacityInGB = memory;
            instance.Transition("Scaling", back, call.Now, state.TransitionDelay);
            return EmulatorResponse.Ok();
        }

        if (call.Segments is ["v2", "instance", var id])
        {
            return Action(call, state, id);
        }

        return null;
    }

    private static EmulatorResponse Action(EmulatorCall call, EmulatorState state, string id)
    {
        if (call.Method == "GET")
        {
            return EmulatorResponse.Ok(new JsonObject { ["instance"] = state.FindInstance(id, call.Now).ToJson() });
        }

        EmulatedInstance instance = state.FindInstance(id, call.Now);
        if (call.Method == "DELETE")
        {
            instance.RequireStatus("Instance.ReleaseOperationForbidden", "Running", "Stopped", "Error", "Expired");
            if (state.Volumes.Any(v => v.InstanceId == instance.Id && !v.IsSystem))
            {
                throw EmulatorError.Conflict("Instance.ReleaseOperationForbidden", $"Detach the volumes of {instance.Id} first.");
            }

            state.Instances.Remove(instance);
            return EmulatorResponse.Ok();
        }

        if (call.Method != "PUT")
        {
            throw new EmulatorError(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", $"{call.Method} is not supported on an instance.");
        }

        if (call.HasFlag("start"))
        {
            instance.RequireStatus(BccErrorCodes.InstanceStartForbidden, "Stopped");
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
        }
        else if (call.HasFlag("stop"))
        {
            instance.RequireStatus(BccErrorCodes.InstanceStopForbidden, "Running");
            instance.Transition("Stopping", "Stopped", call.Now, state.TransitionDelay);
        }
        else if (call.HasFlag("reboot"))
        {
            instance.RequireStatus("Instance.RebootOperationForbidden", "Running");
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = new JsonArray() });
        }
        else if (call.HasFlag("rebuild"))
        {
            instance.RequireStatus("Instance.RebuildOperationForbidden", "Running", "Stopped");
            string imageId = call.RequiredString("imageId");
            if (!state.HasImage(imageId))
            {
                throw EmulatorError.BadRequest($"Unknown image '{imageId}'.");
            }

            instance.ImageId = imageId;
            instance.AdminPass = call.String("adminPass") is { } pass ? EmulatorPasswords.Decrypt(pass, call.Caller, "adminPass") : instance.AdminPass;
            instance.KeypairId = call.String("keypairId") ?? instance.KeypairId;
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
        }
        else if (call.HasFlag("changePass"))
        {
            instance.AdminPass = EmulatorPasswords.Decrypt(call.RequiredString("adminPass"), call.Caller, "adminPass");
            return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = new JsonArray() });
        }
        else if (call.HasFlag("modifyAttribute"))
        {
            instance.Name = call.RequiredString("name");
        }
        else if (call.HasFlag("modifyDesc"))
        {
            instance.Description = call.String("desc") ?? string.Empty;
        }
        else if (call.HasFlag("changeHostname"))
        {
            instance.Hostname = call.RequiredString("hostname");
        }
        else
        {
            throw EmulatorError.Unmodelled(call);
        }

        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        string spec = call.RequiredString("spec");
        string imageId = call.RequiredString("imageId");
        string zone = call.RequiredString("zoneName");
        if (call.Object("billing") is not { } billing)
        {
            throw EmulatorError.BadRequest("'billing' is required.");
        }

        if (!state.HasImage(imageId))
        {
            throw EmulatorError.BadRequest($"Unknown image '{imageId}'.");
        }

        if (!state.Zones.Contains(zone))
        {
            throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");
        }

        int count = call.Int("purchaseCount") ?? 1;
        if (count is < 1 or > 100)
        {
            throw EmulatorError.BadRequest("'purchaseCount' must be 1–100.");
        }

        string? password = call.String("adminPass") is { } encrypted ? EmulatorPasswords.Decrypt(encrypted, call.Caller, "adminPass") : null;
        string name = call.String("name") ?? "instance";
        var ids = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            EmulatedInstance instance = state.NewInstance(
                count > 1 && call.Bool("autoSeqSuffix") ? $"{name}{i + 1:D4}" : name,
                spec,
                zone,
                imageId,
                billing["paymentTiming"]?.GetValue<string>() ?? "Postpaid",
                call.Now);
            instance.Hostname = call.String("hostname");
            instance.NetworkCapacityInMbps = call.Int("networkCapacityInMbps") ?? 0;
            instance.KeypairId = call.String("keypairId");
            instance.SubnetId = call.String("subnetId");
            instance.AdminPass = password;
            instance.DeploySetId = call.ListOrSingle("deployIdList", "deployId") is [var deploySet, ..] ? deploySet : null;
            instance.SecurityGroupIds.AddRange(call.ListOrSingle("securityGroupIds", "securityGroupId"));
            instance.Tags = call.Json["tags"] is JsonArray tags
                ? tags.OfType<JsonObject>().Select(t => new KeyValuePair<string, string>(t["tagKey"]?.GetValue<string>() ?? string.Empty, t["tagValue"]?.GetValue<string>() ?? string.Empty)).ToList()
                : [];
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            state.Instances.Add(instance);
            ids.Add(instance.Id);
        }

        return EmulatorResponse.Ok(new JsonObject { ["instanceIds"] = ids, ["orderId"] = EmulatorState.NewId("o"), ["warningList"] = new JsonArray() });
    }

    private static EmulatorResponse List(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<EmulatedInstance> matches = EmulatedResource.RefreshAll(state.Instances, call.Now);

        matches = Filter(matches, call.QueryString("zoneName"), (i, v) => i.ZoneName == v);
        matches = Filter(matches, call.QueryString("status"), (i, v) => i.Status == v);
        matches = Filter(matches, call.QueryString("paymentTiming"), (i, v) => i.PaymentTiming == v);
        matches = Filter(matches, call.QueryString("internalIp"), (i, v) => i.InternalIp == v);
        matches = Filter(matches, call.QueryString("fuzzyInstanceName"), (i, v) => i.Name.Contains(v, StringComparison.OrdinalIgnoreCase));
        matches = FilterAny(matches, call.QueryString("instanceIds"), (i, v) => i.Id == v);
        matches = FilterAny(matches, call.QueryString("instanceNames"), (i, v) => i.Name == v);
        matches = FilterAny(matches, call.QueryString("privateIps"), (i, v) => i.InternalIp == v);
        matches = FilterAny(matches, call.QueryString("deploySetIds"), (i, v) => i.DeploySetId == v);
        matches = FilterAny(matches, call.QueryString("securityGroupIds"), (i, v) => i.SecurityGroupIds.Contains(v));
        matches = FilterAny(matches, call.QueryString("tags"), (i, v) => i.Tags.Any(t => v.Contains(':', StringComparison.Ordinal) ? $"{t.Key}:{t.Value}" == v : t.Key == v));

        return EmulatorPaging.Page(call, matches.ToList(), "instances", i => i.ToJson());
    }

    internal static IEnumerable<T> Filter<T>(IEnumerable<T> source, string? value, Func<T, string, bool> match) =>
        value is null ? source : source.Where(i => match(i, value));

    internal static IEnumerable<T> FilterAny<T>(IEnumerable<T> source, string? csv, Func<T, string, bool> match)
    {
        if (csv is null)
        {
            return source;
        }

        string[] values = csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return source.Where(i => values.Any(v => match(i, v)));
    }
}
