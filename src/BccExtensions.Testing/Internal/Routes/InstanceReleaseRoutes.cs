using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Releasing instances and the recycle bin. Every release form goes through <see cref="Release"/>: deletion
/// protection refuses it, attached data volumes are released with the instance or detached, and an instance released
/// with <c>bccRecycleFlag</c> goes to the recycle bin, where it can be listed, recovered or deleted.
/// </summary>
internal static class InstanceReleaseRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("DeleteInstance", Delete),
        new("ReleaseInstanceByPost", (call, state) =>
        {
            Release(InstancesRoutes.Find(call, state), call, state, call.Bool("relatedReleaseFlag"), call.Bool("bccRecycleFlag"));
            return EmulatorResponse.Ok();
        }),
        new("ReleaseMultipleInstanceByPost", (call, state) =>
        {
            // All or nothing: every instance is checked before any is released.
            List<EmulatedInstance> instances = [.. call.Strings("instanceIds").Select(id => state.FindInstance(id, call.Now))];
            instances.ForEach(i => CheckReleasable(i));
            if (instances.FirstOrDefault(i => i.PaymentTiming != EmulatorBilling.Postpaid) is { } prepaid)
            {
                throw new EmulatorError(HttpStatusCode.Forbidden, "Instance.DeleteServerFailException", $"Instance can not release if not postpay ({prepaid.Id}).");
            }

            instances.ForEach(i => Release(i, call, state, call.Bool("relatedReleaseFlag") || call.Bool("deleteRelatedCdsFlag"), call.Bool("bccRecycleFlag")));
            return EmulatorResponse.Ok();
        }),
        new("DeletePrepayInstance", ReleasePrepaid),
        new("InstanceDeletionProtection", (call, state) =>
        {
            int protection = call.Json["deletionProtection"] is JsonValue value && value.TryGetValue(out int number) ? number : -1;
            InstancesRoutes.Find(call, state).DeletionProtection = protection is 0 or 1 ? protection : throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", "invalid DeletionProtection value");
            return EmulatorResponse.Ok();
        }),
        new("AutoReleaseInstance", (call, state) =>
        {
            EmulatedInstance instance = InstancesRoutes.Find(call, state);
            if (instance.PaymentTiming != EmulatorBilling.Postpaid)
            {
                throw EmulatorError.Conflict("Instance.AutoReleaseOperationForbidden", $"{instance.Id} is prepaid; only postpaid instances release on a schedule.");
            }

            instance.ReleaseTime = call.String("releaseTime") is { } text
                ? DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset at) && at > call.Now ? at : throw EmulatorError.BadRequest("'releaseTime' must be a future UTC time (yyyy-MM-ddTHH:mm:ssZ).")
                : null;
            instance.EipAutoRelatedDelete = call.Bool("isEipAutoRelatedDelete");
            return EmulatorResponse.Ok();
        }),
        new("ModifyRelatedDeletePolicy", (call, state) =>
        {
            InstancesRoutes.Find(call, state).EipAutoRelatedDelete = call.Bool("isEipAutoRelatedDelete");
            return EmulatorResponse.Ok();
        }),
        new("GetInstanceDeleteProgress", DeleteProgress),
        new("ListRecycleInstance", ListRecycleBin),
        new("InstanceRecovery", Recover),
        new("DeleteRecycledInstance", (call, state) =>
        {
            state.RecycleBin.Remove(Recycled(state, call.PathValue("instanceId")));
            return EmulatorResponse.Ok();
        }),
    ];

    /// <summary>The recycle bin keeps an instance this long before BCC deletes it for good.</summary>
    private static readonly TimeSpan s_retention = TimeSpan.FromDays(7);

    private static EmulatorResponse Delete(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = InstancesRoutes.Find(call, state);
        CheckReleasable(instance);
        if (instance.PaymentTiming == EmulatorBilling.Prepaid && instance.Status != "Expired")
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, "Instance.ReleaseNotPrepay", "Instance can not release if prepay.");
        }

        if (state.Volumes.Any(v => v.InstanceId == instance.Id && !v.IsSystem))
        {
            throw EmulatorError.Conflict("Instance.ReleaseOperationForbidden", $"Detach the volumes of {instance.Id} first.");
        }

        Release(instance, call, state, releaseVolumes: false, recycle: false);
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse ReleasePrepaid(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
        if (instance.PaymentTiming != EmulatorBilling.Prepaid)
        {
            throw EmulatorError.Conflict("Instance.ReleaseOperationForbidden", $"{instance.Id} is not prepaid; release it with DeleteInstance.");
        }

        List<string> volumes = [.. state.Volumes.Where(v => v.InstanceId == instance.Id && !v.IsSystem && call.Bool("relatedReleaseFlag")).Select(v => v.Id)];
        Release(instance, call, state, call.Bool("relatedReleaseFlag"), recycle: false);
        return EmulatorResponse.Ok(new JsonObject
        {
            ["successResources"] = new JsonObject { ["instanceId"] = instance.Id, ["volumeIds"] = new JsonArray([.. volumes.Select(v => (JsonNode)v)]) },
            ["failResources"] = new JsonObject(),
            ["instanceRefundFlag"] = true,
        });
    }

    /// <summary>Refuses to release a protected instance or one in a passing status.</summary>
    public static void CheckReleasable(EmulatedInstance instance)
    {
        if (instance.DeletionProtection == 1)
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, "Instance.DeletionProtection", "Instance can not release with DeletionProtection.");
        }

        instance.RequireStatus("Instance.ReleaseOperationForbidden", "Running", "Stopped", "Error", "Expired");
    }

    /// <summary>Releases an instance: its data volumes go with it or are detached; to the recycle bin, or for good.</summary>
    public static void Release(EmulatedInstance instance, EmulatorCall call, EmulatorState state, bool releaseVolumes, bool recycle)
    {
        CheckReleasable(instance);
        foreach (EmulatedVolume volume in state.Volumes.Where(v => v.InstanceId == instance.Id).ToList())
        {
            if (releaseVolumes || volume.IsSystem)
            {
                state.Volumes.Remove(volume);
            }
            else
            {
                volume.InstanceId = null;
                volume.Device = null;
                volume.Transition("Detaching", "Available", call.Now, state.TransitionDelay);
            }
        }

        state.Instances.Remove(instance);
        if (recycle)
        {
            instance.RecycledAt = call.Now;
            instance.Transition("Recycled", "Recycled", call.Now, TimeSpan.Zero);
            state.RecycleBin.Add(instance);
        }
    }

    private static EmulatedInstance Recycled(EmulatorState state, string id) =>
        state.RecycleBin.FirstOrDefault(i => i.Id == id) ?? throw EmulatorError.NotFound($"Recycled instance {id}");

    private static EmulatorResponse Recover(EmulatorCall call, EmulatorState state)
    {
        List<EmulatedInstance> instances = [.. call.Objects("instanceIds").Select(item => Recycled(state, item["instanceId"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("Every item of 'instanceIds' needs an instanceId.")))];
        foreach (EmulatedInstance instance in instances)
        {
            state.RecycleBin.Remove(instance);
            instance.RecycledAt = null;
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            state.Instances.Add(instance);
        }

        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse ListRecycleBin(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<EmulatedInstance> matches = state.RecycleBin;
        matches = EmulatorRoutes.Filter(matches, call.String("instanceId"), (i, v) => i.Id == v);
        matches = EmulatorRoutes.Filter(matches, call.String("name"), (i, v) => i.Name.Contains(v, StringComparison.OrdinalIgnoreCase));
        matches = EmulatorRoutes.Filter(matches, call.String("paymentTiming"), (i, v) => i.PaymentTiming == v);
        return EmulatorPaging.Page(call, matches.ToList(), "instances", i => new JsonObject
        {
            ["id"] = i.Id,
            ["serialNumber"] = i.SerialNumber.ToString(),
            ["name"] = i.Name,
            ["recycleTime"] = EmulatedResource.Timestamp(i.RecycledAt!.Value),
            ["deleteTime"] = EmulatedResource.Timestamp(i.RecycledAt.Value + s_retention),
            ["paymentTiming"] = i.PaymentTiming,
            ["serviceName"] = "BCC",
            ["serviceType"] = "BCC",
            ["configItem"] = new JsonObject { ["cpu"] = i.CpuCount, ["memory"] = i.MemoryCapacityInGB, ["type"] = "BCC", ["spec"] = i.Spec, ["zoneName"] = i.ZoneName },
            ["configItems"] = new JsonArray(),
        });
    }

    /// <summary>Answers each id's release: done (released or recycled) or not begun.</summary>
    private static EmulatorResponse DeleteProgress(EmulatorCall call, EmulatorState state)
    {
        var body = new JsonObject();
        foreach (string id in call.Strings("instanceIds"))
        {
            bool live = state.Instances.Any(i => i.Id == id);
            body[id] = new JsonObject
            {
                ["instanceId"] = id,
                ["status"] = live ? "NotReleased" : state.RecycleBin.Any(i => i.Id == id) ? "Recycled" : "Released",
                ["progress"] = live ? 0 : 100,
            };
        }

        return EmulatorResponse.Ok(body);
    }
}
