using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>CDS volumes: create, list, get, attach, detach, resize, rename, release.</summary>
internal static class VolumesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateVolume", Create),
        new("CreateCDSVolumeV3", CreateV3),
        new("ListVolumes", List),
        new("GetVolume", (call, state) => EmulatorResponse.Ok(new JsonObject { ["volume"] = Find(call, state).ToJson() })),
        new("AttachVolume", (call, state) => Attach(call, state, Find(call, state))),
        new("DetachVolume", (call, state) => Detach(call, state, Find(call, state))),
        new("ResizeVolume", (call, state) => Resize(call, state, Find(call, state))),
        new("RenameVolume", (call, state) => Rename(call, Find(call, state))),
        new("ReleaseVolume", (call, state) => Release(Find(call, state), state)),
        new("DeleteCDSVolume", (call, state) => Release(Find(call, state), state)),
    ];

    public static EmulatedVolume Find(EmulatorCall call, EmulatorState state) => state.FindVolume(call.PathValue("volumeId"), call.Now);

    private static EmulatorResponse List(EmulatorCall call, EmulatorState state)
    {
        IEnumerable<EmulatedVolume> volumes = state.Volumes;
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("instanceId"), (v, id) => v.InstanceId == id);
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("zoneName"), (v, zone) => v.ZoneName == zone);
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("clusterId"), (v, id) => v.ClusterId == id);
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("name"), (v, name) => v.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("chargeFilter"), (v, charge) => v.PaymentTiming.StartsWith(charge.Replace("pay", "paid", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase));
        volumes = EmulatorRoutes.Filter(volumes, call.QueryString("usageFilter"), (v, usage) => usage == "inUse" ? v.InstanceId is not null : v.InstanceId is null);
        volumes = EmulatorRoutes.FilterAny(volumes, call.QueryString("volumeIds"), (v, id) => v.Id == id);
        return EmulatorPaging.Page(call, EmulatedResource.RefreshAll(volumes, call.Now), "volumes", v => v.ToJson());
    }

    /// <summary>What both forms of creation (v2 and v3) ask for.</summary>
    private sealed record Order(JsonObject? Billing, string? SnapshotId, int? Size, string StorageType, string? Zone, string? InstanceId, int Count, string Name, string Description)
    {
        public string? EncryptKey { get; init; }

        public string? AutoSnapshotPolicyId { get; init; }

        /// <summary>Gets the volume cluster whose capacity the volume takes, if any.</summary>
        public string? ClusterId { get; init; }

        public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];
    }

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state) =>
        Place(call, state, new Order(
            call.Object("billing"),
            call.String("snapshotId"),
            call.Int("cdsSizeInGB"),
            call.String("storageType") ?? "cloud_hp1",
            call.String("zoneName"),
            call.String("instanceId"),
            call.Int("purchaseCount") ?? 1,
            call.String("name") ?? "volume",
            call.String("description") ?? string.Empty)
        {
            EncryptKey = call.String("encryptKey"),
            AutoSnapshotPolicyId = call.String("autoSnapshotPolicyId"),
            ClusterId = call.String("clusterId"),
            Tags = call.Tags("tags"),
        });

    private static EmulatorResponse CreateV3(EmulatorCall call, EmulatorState state) =>
        Place(call, state, new Order(
            call.Object("billing") ?? (call.String("chargeType") is { } charge ? new JsonObject { ["paymentTiming"] = charge } : null),
            call.String("snapshotId"),
            call.Int("volumeSizeInGB"),
            call.String("storageType") ?? "cloud_hp1",
            call.String("zoneName"),
            call.String("instanceId"),
            call.Int("purchaseCount") ?? 1,
            call.String("volumeName") ?? "volume",
            call.String("description") ?? string.Empty)
        {
            EncryptKey = call.String("encryptKey"),
            AutoSnapshotPolicyId = call.String("autoSnapshotPolicyId"),
        });

    private static EmulatorResponse Place(EmulatorCall call, EmulatorState state, Order order)
    {
        if (order.Billing is not { } billing)
        {
            throw EmulatorError.BadRequest("'billing' is required.");
        }

        EmulatedSnapshot? snapshot = order.SnapshotId is null ? null : state.FindSnapshot(order.SnapshotId, call.Now);
        int size = order.Size ?? snapshot?.SizeInGB ?? throw EmulatorError.BadRequest("'cdsSizeInGB' or 'snapshotId' is required.");
        if (size is < 5 or > 32765)
        {
            throw EmulatorError.BadRequest("'cdsSizeInGB' must be 5–32765.");
        }

        string zone = order.Zone ?? state.Zones[0];
        if (!state.Zones.Contains(zone))
        {
            throw EmulatorError.BadRequest($"Unknown zone '{zone}'.");
        }

        if (order.AutoSnapshotPolicyId is { } policy)
        {
            state.FindRecord(RecordKind.AutoSnapshotPolicy, policy, call.Now);
        }

        if (order.ClusterId is { } clusterId)
        {
            EmulatedRecord cluster = state.FindRecord(RecordKind.VolumeCluster, clusterId, call.Now);
            int free = cluster.Number("totalCapacity") - state.Volumes.Where(v => v.ClusterId == clusterId).Sum(v => v.SizeInGB);
            if (size * order.Count > free)
            {
                throw EmulatorError.BadRequest($"Volume cluster {clusterId} has {free} GB free; {size * order.Count} GB were asked for.");
            }
        }

        (string paymentTiming, DateTimeOffset? expires) = EmulatorBilling.Read(billing, call.Now);
        EmulatedInstance? instance = order.InstanceId is null ? null : state.FindInstance(order.InstanceId, call.Now);
        var ids = new JsonArray();
        for (int i = 0; i < order.Count; i++)
        {
            var volume = new EmulatedVolume
            {
                Id = EmulatorState.NewId("v"),
                Name = order.Name,
                SizeInGB = size,
                StorageType = order.StorageType,
                ZoneName = zone,
                PaymentTiming = paymentTiming,
                ExpireTime = expires,
                CreateTime = call.Now,
                Description = order.Description,
                SourceSnapshotId = order.SnapshotId,
                EncryptKey = order.EncryptKey,
                AutoSnapshotPolicyId = order.AutoSnapshotPolicyId,
                ClusterId = order.ClusterId,
                InstanceId = instance?.Id,
                Device = instance is null ? null : state.NextDevice(instance.Id),
                AttachTime = instance is null ? null : call.Now,
            };
            volume.BindTags(order.Tags);
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
        volume.AttachTime = call.Now;
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
        volume.AttachTime = null;
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

    /// <summary>Releases a volume, unless it is protected or busy.</summary>
    public static EmulatorResponse Release(EmulatedVolume volume, EmulatorState state)
    {
        if (volume.DeleteProtection)
        {
            throw new EmulatorError(System.Net.HttpStatusCode.Forbidden, "Volume.DeleteProtection", $"{volume.Id} has delete protection; turn it off before releasing the volume.");
        }

        volume.RequireStatus("Volume.ReleaseOperationForbidden", "Available", "Error", "Expired");
        state.Volumes.Remove(volume);
        return EmulatorResponse.Ok();
    }
}
