using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>CDS volumes: create, list, get, attach, detach, resize, rename, release.</summary>
internal static class VolumesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateVolume", Create),
        new("ListVolumes", List),
        new("GetVolume", (call, state) => EmulatorResponse.Ok(new JsonObject { ["volume"] = Find(call, state).ToJson() })),
        new("AttachVolume", (call, state) => Attach(call, state, Find(call, state))),
        new("DetachVolume", (call, state) => Detach(call, state, Find(call, state))),
        new("ResizeVolume", (call, state) => Resize(call, state, Find(call, state))),
        new("RenameVolume", (call, state) => Rename(call, Find(call, state))),
        new("ReleaseVolume", (call, state) => Release(Find(call, state), state)),
        new("DeleteCDSVolume", (call, state) => Release(Find(call, state), state)),
    ];

    private static EmulatedVolume Find(EmulatorCall call, EmulatorState state) => state.FindVolume(call.PathValue("volumeId"), call.Now);

    private static EmulatorResponse List(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<EmulatedVolume> volumes = state.Volumes;
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("instanceId"), (v, id) => v.InstanceId == id);
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("zoneName"), (v, zone) => v.ZoneName == zone);
        return EmulatorPaging.Page(call, EmulatedResource.RefreshAll(volumes, call.Now), "volumes", v => v.ToJson());
    }

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        if (call.Object("billing") is not { } billing)
        {
            throw EmulatorError.BadRequest("'billing' is required.");
        }

        string? snapshotId = call.String("snapshotId");
        EmulatedSnapshot? snapshot = snapshotId is null ? null : state.FindSnapshot(snapshotId, call.Now);
        int size = call.Int("cdsSizeInGB") ?? snapshot?.SizeInGB ?? throw EmulatorError.BadRequest("'cdsSizeInGB' or 'snapshotId' is required.");
        if (size is < 5 or > 32765)
        {
            throw EmulatorError.BadRequest("'cdsSizeInGB' must be 5–32765.");
        }

        string zone = call.String("zoneName") ?? state.Zones[0];
        if (!state.Zones.Contains(zone))
        {
            throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");
        }

        string? instanceId = call.String("instanceId");
        EmulatedInstance? instance = instanceId is null ? null : state.FindInstance(instanceId, call.Now);
        int count = call.Int("purchaseCount") ?? 1;
        var ids = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            var volume = new EmulatedVolume
            {
                Id = EmulatorState.NewId("v"),
                Name = call.String("name") ?? "volume",
                SizeInGB = size,
                StorageType = call.String("storageType") ?? "cloud_hp1",
                ZoneName = zone,
                PaymentTiming = billing["paymentTiming"]?.GetValue<string>() ?? "Postpaid",
                CreateTime = call.Now,
                Description = call.String("description") ?? string.Empty,
                SourceSnapshotId = snapshotId,
                InstanceId = instance?.Id,
                Device = instance is null ? null : state.NextDevice(instance.Id),
            };
            volume.Transition("Creating", instance is null ? "Available" : "InUse", call.Now, state.TransitionDelay);
            state.Volumes.Add(volume);
            ids.Add((JsonNode)volume.Id);
        }

        return EmulatorResponse.Ok(new JsonObject { ["volumeIds"] = ids, ["warningList"] = new JsonArray() });
    }

    private static EmulatorResponse Attach(EmulatorCall call, EmulatorState state, EmulatedVolume volume)
    {
        EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
        volume.RequireStatus("Volume.AttachOperationForbidden", "Available");
        instance.RequireStatus("Instance.AttachVolumeOperationForbidden", "Running", "Stopped");
        if (instance.ZoneName != volume.ZoneName)
        {
            throw EmulatorError.Conflict("Volume.AttachOperationForbidden", $"{volume.Id} is in {volume.ZoneName}, {instance.Id} in {instance.ZoneName}.");
        }

        volume.Device = state.NextDevice(instance.Id);
        volume.InstanceId = instance.Id;
        volume.Transition("Attaching", "InUse", call.Now, state.TransitionDelay);
        return EmulatorResponse.Ok(new JsonObject
        {
            ["volumeAttachment"] = new JsonObject { ["volumeId"] = volume.Id, ["instanceId"] = instance.Id, ["device"] = volume.Device, ["serial"] = volume.Id },
            ["warningList"] = new JsonArray(),
        });
    }

    private static EmulatorResponse Detach(EmulatorCall call, EmulatorState state, EmulatedVolume volume)
    {
        string instanceId = call.RequiredString("instanceId");
        volume.RequireStatus("Volume.DetachOperationForbidden", "InUse");
        if (volume.InstanceId != instanceId || volume.IsSystem)
        {
            throw EmulatorError.Conflict("Volume.DetachOperationForbidden", $"{volume.Id} is not a data volume of {instanceId}.");
        }

        volume.Transition("Detaching", "Available", call.Now, state.TransitionDelay);
        volume.InstanceId = null;
        volume.Device = null;
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Resize(EmulatorCall call, EmulatorState state, EmulatedVolume volume)
    {
        int size = call.Int("newCdsSizeInGB") ?? throw EmulatorError.BadRequest("'newCdsSizeInGB' is required.");
        volume.RequireStatus("Volume.ResizeOperationForbidden", "Available", "InUse");
        if (size <= volume.SizeInGB)
        {
            throw EmulatorError.BadRequest("A volume can only grow.");
        }

        string back = volume.Status;
        volume.SizeInGB = size;
        volume.Transition("Scaling", back, call.Now, state.TransitionDelay);
        return EmulatorResponse.Ok(new JsonObject { ["warningList"] = new JsonArray() });
    }

    private static EmulatorResponse Rename(EmulatorCall call, EmulatedVolume volume)
    {
        volume.Name = call.RequiredString("name");
        return EmulatorResponse.Ok();
    }

    private static EmulatorResponse Release(EmulatedVolume volume, EmulatorState state)
    {
        volume.RequireStatus("Volume.ReleaseOperationForbidden", "Available", "Error", "Expired");
        state.Volumes.Remove(volume);
        return EmulatorResponse.Ok();
    }
}
