using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Instances, with BCC's state rules: start needs Stopped, stop needs Running, and so on.</summary>
internal static class InstancesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListInstances", List),
        new("GetInstance", (call, state) => EmulatorResponse.Ok(new JsonObject { ["instance"] = Find(call, state).ToJson() })),
        new("CreateInstanceBySpec", Create),
        new("ResizeInstanceBySpec", Resize),
        new("StartInstance", (call, state) => Transition(Find(call, state), BccErrorCodes.InstanceStartForbidden, ["Stopped"], "Starting", "Running", call, state)),
        new("StopInstance", (call, state) => Transition(Find(call, state), BccErrorCodes.InstanceStopForbidden, ["Running"], "Stopping", "Stopped", call, state)),
        new("RebootInstance", (call, state) =>
        {
            Transition(Find(call, state), "Instance.RebootOperationForbidden", ["Running"], "Starting", "Running", call, state);
            return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = new JsonArray() });
        }),
        new("RebuildInstance", Rebuild),
        new("ModifyInstancePassword", (call, state) =>
        {
            Find(call, state).AdminPassword = EmulatorPasswords.Decrypt(call.RequiredString("adminPass"), call.Caller, "adminPass");
            return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = new JsonArray() });
        }),
        new("ModifyInstanceAttributes", (call, state) => Change(Find(call, state), i => i.Name = call.RequiredString("name"))),
        new("ModifyInstanceDesc", (call, state) => Change(Find(call, state), i => i.Description = call.String("desc") ?? string.Empty)),
        new("ModifyInstanceHostname", (call, state) => Change(Find(call, state), i => i.Hostname = call.RequiredString("hostname"))),
        new("DeleteInstance", Delete),
    ];

    private static EmulatedInstance Find(EmulatorCall call, EmulatorState state) => state.FindInstance(call.PathValue("instanceId"), call.Now);

    private static EmulatorResponse Change(EmulatedInstance instance, Action<EmulatedInstance> change)
    {
        change(instance);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Transition(EmulatedInstance instance, string code, string[] from, string through, string to, EmulatorCall call, EmulatorState state)
    {
        instance.RequireStatus(code, from);
        instance.Transition(through, to, call.Now, state.TransitionDelay);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Resize(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = Find(call, state);
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

    private static EmulatorResponse Rebuild(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = Find(call, state);
        instance.RequireStatus("Instance.RebuildOperationForbidden", "Running", "Stopped");
        string imageId = call.RequiredString("imageId");
        if (!state.HasImage(imageId))
        {
            throw EmulatorError.BadRequest($"Unknown image '{imageId}'.");
        }

        instance.ImageId = imageId;
        instance.AdminPassword = call.String("adminPass") is { } pass ? EmulatorPasswords.Decrypt(pass, call.Caller, "adminPass") : instance.AdminPassword;
        instance.KeyPairId = call.String("keypairId") ?? instance.KeyPairId;
        instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Delete(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = Find(call, state);
        instance.RequireStatus("Instance.ReleaseOperationForbidden", "Running", "Stopped", "Error", "Expired");
        if (state.Volumes.Any(v => v.InstanceId == instance.Id && !v.IsSystem))
        {
            throw EmulatorError.Conflict("Instance.ReleaseOperationForbidden", $"Detach the volumes of {instance.Id} first.");
        }

        state.Instances.Remove(instance);
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
            instance.KeyPairId = call.String("keypairId");
            instance.SubnetId = call.String("subnetId");
            instance.AdminPassword = password;
            instance.DeploySetId = call.ListOrSingle("deployIdList", "deployId") is [var deploySet, ..] ? deploySet : null;
            instance.SecurityGroupIds.AddRange(call.ListOrSingle("securityGroupIds", "securityGroupId"));
            instance.Tags = call.Json["tags"] is JsonArray tags
                ? tags.OfType<JsonObject>().Select(t => new KeyValuePair<string, string>(t["tagKey"]?.GetValue<string>() ?? string.Empty, t["tagValue"]?.GetValue<string>() ?? string.Empty)).ToList()
                : [];
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            state.Instances.Add(instance);
            ids.Add((JsonNode)instance.Id);
        }

        return EmulatorResponse.Ok(new JsonObject { ["instanceIds"] = ids, ["orderId"] = EmulatorState.NewId("o"), ["warningList"] = new JsonArray() });
    }

    private static EmulatorResponse List(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<EmulatedInstance> matches = EmulatedResource.RefreshAll(state.Instances, call.Now);

        matches = EmulatorRoutes.Filter(matches, call.QueryString("zoneName"), (i, v) => i.ZoneName == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("status"), (i, v) => i.Status == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("paymentTiming"), (i, v) => i.PaymentTiming == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("internalIp"), (i, v) => i.InternalIp == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("fuzzyInstanceName"), (i, v) => i.Name.Contains(v, StringComparison.OrdinalIgnoreCase));
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("instanceIds"), (i, v) => i.Id == v);
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("instanceNames"), (i, v) => i.Name == v);
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("privateIps"), (i, v) => i.InternalIp == v);
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("deploySetIds"), (i, v) => i.DeploySetId == v);
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("securityGroupIds"), (i, v) => i.SecurityGroupIds.Contains(v));
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("tags"), (i, v) => i.Tags.Any(t => v.Contains(':', StringComparison.Ordinal) ? $"{t.Key}:{t.Value}" == v : t.Key == v));

        return EmulatorPaging.Page(call, matches.ToList(), "instances", i => i.ToJson());
    }
}
