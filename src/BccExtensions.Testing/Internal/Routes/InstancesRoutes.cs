using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Instances, with BCC's state rules: start needs Stopped, stop needs Running, and so on.</summary>
internal static class InstancesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ListInstances", List),
        new("GetInstance", (call, state) => EmulatorResponse.Ok(new JsonObject { ["instance"] = Find(call, state).ToJson() })),
        new("ResizeInstanceBySpec", Resize),
        new("StartInstance", (call, state) => Transition(Find(call, state), BccErrorCodes.InstanceStartForbidden, ["Stopped"], "Starting", "Running", call, state)),
        new("StopInstance", (call, state) =>
        {
            EmulatedInstance instance = Find(call, state);
            Transition(instance, BccErrorCodes.InstanceStopForbidden, ["Running"], "Stopping", "Stopped", call, state);
            instance.StoppedWithNoCharge = call.Bool("stopWithNoCharge");
            return EmulatorResponse.Ok();
        }),
        new("RebootInstance", (call, state) =>
        {
            Transition(Find(call, state), "Instance.RebootOperationForbidden", ["Running"], "Starting", "Running", call, state);
            return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = new JsonArray() });
        }),
        new("RebuildInstance", Rebuild),
        new("ResizeInstance", (call, state) =>
        {
            EmulatedInstance instance = Find(call, state);
            int cpu = call.Int("cpuCount") ?? instance.CpuCount;
            int memory = call.Int("memoryCapacityInGB") ?? instance.MemoryCapacityInGB;
            string spec = call.String("spec") ?? state.Specs.FirstOrDefault(s => s.Value == (cpu, memory)).Key ?? throw EmulatorError.BadRequest($"No spec has {cpu} vCPUs and {memory} GB of memory.");
            Resize(instance, spec, call, state);
            return EmulatorResponse.Ok();
        }),
        new("ModifyInstancePassword", (call, state) =>
        {
            Find(call, state).AdminPassword = EmulatorPasswords.Decrypt(call.RequiredString("adminPass"), call.Caller, "adminPass");
            return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIdList"] = new JsonArray() });
        }),
        new("ModifyInstanceAttributes", (call, state) => Change(Find(call, state), i => i.Name = call.RequiredString("name"))),
        new("ModifyInstanceDesc", (call, state) => Change(Find(call, state), i => i.Description = call.String("desc") ?? string.Empty)),
        new("ModifyInstanceHostname", (call, state) => Change(Find(call, state), i => i.Hostname = call.RequiredString("hostname"))),
    ];

    public static EmulatedInstance Find(EmulatorCall call, EmulatorState state) => state.FindInstance(call.PathValue("instanceId"), call.Now);

    private static EmulatorResponse Change(EmulatedInstance instance, Action<EmulatedInstance> change)
    {
        change(instance);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Transition(EmulatedInstance instance, string code, string[] from, string through, string to, EmulatorCall call, EmulatorState state)
    {
        instance.RequireStatus(code, from);
        instance.StoppedWithNoCharge = false;
        instance.Transition(through, to, call.Now, state.TransitionDelay);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Resize(EmulatorCall call, EmulatorState state)
    {
        Resize(Find(call, state), call.RequiredString("spec"), call, state);
        return EmulatorResponse.Ok();
    }

    /// <summary>Moves one instance to another spec of the table.</summary>
    public static void Resize(EmulatedInstance instance, string spec, EmulatorCall call, EmulatorState state)
    {
        (int cpu, int memory) = state.Specs.TryGetValue(spec, out var size) ? size : throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
        instance.RequireStatus("Instance.ResizeOperationForbidden", "Running", "Stopped");
        string back = instance.Status;
        instance.Spec = spec;
        instance.CpuCount = cpu;
        instance.MemoryCapacityInGB = memory;
        instance.Transition("Scaling", back, call.Now, state.TransitionDelay);
    }

    private static EmulatorResponse Rebuild(EmulatorCall call, EmulatorState state)
    {
        Rebuild(Find(call, state), call, state);
        return EmulatorResponse.Ok();
    }

    /// <summary>Rebuilds one instance from the request's image, password and key pair.</summary>
    public static void Rebuild(EmulatedInstance instance, EmulatorCall call, EmulatorState state)
    {
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
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("tags"), (i, v) => i.HasTag(v));
        matches = EmulatorRoutes.Filter(matches, call.QueryString("vpcId"), (i, v) => i.VpcId == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("ehcClusterId"), (i, v) => i.EhcClusterId == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("dedicatedHostId"), (i, v) => i.DedicatedHostId == v);
        matches = EmulatorRoutes.Filter(matches, call.QueryString("autoRenew"), (i, v) => i.AutoRenew == string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("ipv6Addresses"), (i, v) => i.Ipv6Address == v);
        matches = EmulatorRoutes.FilterAny(matches, call.QueryString("volumeIds"), (i, v) => state.Volumes.Any(volume => volume.Id == v && volume.InstanceId == i.Id));

        return EmulatorPaging.Page(call, matches.ToList(), "instances", i => i.ToJson());
    }
}
