using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// A volume's settings and billing: attributes, tags, delete protection, charge type, renewal and auto-renew, prepaid
/// release, rollback to a snapshot, resize progress and the v3 reads. Each change shows in GetVolume and GetCDSVolumeDetailV3.
/// </summary>
internal static class VolumeSettingsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ModifyCdsAttribute", (call, state) =>
        {
            EmulatedVolume volume = VolumesRoutes.Find(call, state);
            volume.Name = call.String("cdsName") ?? volume.Name;
            volume.Description = call.String("desc") ?? volume.Description;
            volume.DeleteWithInstance = call.Bool("deleteWithInstance");
            volume.DeleteAutoSnapshot = call.Bool("deleteAutoSnapshot");
            return EmulatorResponse.Ok();
        }),
        new("BindTagVolume", (call, state) => TagsRoutes.Change(call, VolumesRoutes.Find(call, state), bind: true)),
        new("UnbindTagVolume", (call, state) => TagsRoutes.Change(call, VolumesRoutes.Find(call, state), bind: false)),
        new("ModifyVolumeDeleteProtectionV2", (call, state) =>
        {
            List<EmulatedVolume> volumes = [.. call.Strings("volumeIds").Select(id => state.FindVolume(id, call.Now))];
            volumes.ForEach(v => v.DeleteProtection = call.Bool("enableDeleteProtection"));
            return EmulatorResponse.Ok();
        }),
        new("ModifyVolumeChargeType", (call, state) =>
        {
            EmulatedVolume volume = VolumesRoutes.Find(call, state);
            (string timing, DateTimeOffset? expires) = EmulatorBilling.Read(call.Object("billing") ?? throw EmulatorError.BadRequest("'billing' is required."), call.Now);
            if (timing == volume.PaymentTiming)
            {
                throw new EmulatorError(HttpStatusCode.Forbidden, timing == EmulatorBilling.Postpaid ? "Volume.PaymentTypeNotSupportToPostpay" : "Volume.PaymentTypeNotSupportToPrepay", $"{volume.Id} is {timing} already.");
            }

            (volume.PaymentTiming, volume.ExpireTime) = (timing, expires);
            (volume.AutoRenew, volume.AutoRenewTime, volume.AutoRenewTimeUnit) = (false, 0, string.Empty);
            return EmulatorResponse.Ok();
        }),
        new("PurchaseReservedVolume", (call, state) =>
        {
            EmulatedVolume volume = VolumesRoutes.Find(call, state);
            RequirePrepaid(volume);
            JsonObject? reservation = call.Object("billing")?["reservation"] as JsonObject;
            DateTimeOffset from = volume.ExpireTime is { } at && at > call.Now ? at : call.Now;
            volume.ExpireTime = EmulatorBilling.Extend(from, reservation?["reservationLength"]?.GetValue<int>() ?? 1, reservation?["reservationTimeUnit"]?.GetValue<string>());
            return EmulatorResponse.Ok(new JsonObject { ["orderId"] = EmulatorState.NewId("o") });
        }),
        new("AutoRenewCDSVolume", (call, state) =>
        {
            EmulatedVolume volume = state.FindVolume(call.RequiredString("volumeId"), call.Now);
            RequirePrepaid(volume);
            (volume.AutoRenew, volume.AutoRenewTime, volume.AutoRenewTimeUnit) = (true, call.Int("renewTime") ?? 1, call.String("renewTimeUnit") ?? "month");
            return EmulatorResponse.Ok();
        }),
        new("CancelAutoRenewCDSVolume", (call, state) =>
        {
            EmulatedVolume volume = state.FindVolume(call.RequiredString("volumeId"), call.Now);
            (volume.AutoRenew, volume.AutoRenewTime, volume.AutoRenewTimeUnit) = (false, 0, string.Empty);
            return EmulatorResponse.Ok();
        }),
        new("DeletePrepayVolume", (call, state) =>
        {
            EmulatedVolume volume = state.FindVolume(call.RequiredString("volumeId"), call.Now);
            RequirePrepaid(volume);
            if (volume.InstanceId is not null && !call.Bool("relatedReleaseFlag"))
            {
                throw EmulatorError.Conflict("Volume.DiskStatusCannotBeDeleted", $"{volume.Id} is attached to {volume.InstanceId}.");
            }

            volume.RequireStatus("Volume.DiskStatusCannotBeDeleted", "Available", "InUse", "Expired");
            if (volume.DeleteProtection)
            {
                throw new EmulatorError(HttpStatusCode.Forbidden, "Volume.DeleteProtection", $"{volume.Id} has delete protection; turn it off before releasing the volume.");
            }

            state.Volumes.Remove(volume);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["successResources"] = new JsonObject { ["volumeIds"] = new JsonArray(volume.Id) },
                ["failResources"] = new JsonObject { ["volumeIds"] = new JsonArray() },
            });
        }),
        new("RollbackVolume", (call, state) =>
        {
            EmulatedVolume volume = VolumesRoutes.Find(call, state);
            EmulatedSnapshot snapshot = state.FindSnapshot(call.RequiredString("snapshotId"), call.Now);
            if (snapshot.VolumeId != volume.Id)
            {
                throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", $"{snapshot.Id} is not a snapshot of {volume.Id}.");
            }

            if (volume.InstanceId is { } instanceId && state.FindInstance(instanceId, call.Now).Status != "Stopped")
            {
                throw EmulatorError.Conflict("Volume.RollbackOperationForbidden", $"Stop {instanceId} before rolling back {volume.Id}.");
            }

            string back = volume.Status;
            volume.Transition("SnapshotProcessing", back, call.Now, state.TransitionDelay);
            return EmulatorResponse.Ok();
        }),
        new("GetVolumeResizeProgress", (call, state) =>
            EmulatorResponse.Ok(new JsonObject { ["progress"] = VolumesRoutes.Find(call, state).Status == "Scaling" ? 50 : 100 })),
        new("GetCDSVolumeDetailV3", (call, state) =>
        {
            EmulatedVolume volume = VolumesRoutes.Find(call, state);
            return EmulatorResponse.Ok(new JsonObject { ["volume"] = volume.ToV3Json(state.Snapshots.Count(s => s.VolumeId == volume.Id)) });
        }),
        new("ListCDSVolumeV3", (call, state) =>
        {
            IEnumerable<EmulatedVolume> volumes = EmulatedResource.RefreshAll(state.Volumes, call.Now);
            volumes = EmulatorRoutes.Filter(volumes, call.QueryString("instanceId"), (v, id) => v.InstanceId == id);
            volumes = EmulatorRoutes.Filter(volumes, call.QueryString("zoneName"), (v, zone) => v.ZoneName == zone);
            volumes = EmulatorRoutes.Filter(volumes, call.QueryString("volumeName") ?? call.QueryString("name"), (v, name) => v.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
            return EmulatorPaging.Page(call, volumes.ToList(), "volumes", v => v.ToV3Json(state.Snapshots.Count(s => s.VolumeId == v.Id)));
        }),
    ];

    private static void RequirePrepaid(EmulatedVolume volume)
    {
        if (volume.PaymentTiming != EmulatorBilling.Prepaid)
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, "Volume.PaymentTypeNotSupport", $"{volume.Id} is {volume.PaymentTiming}; the operation needs a prepaid volume.");
        }
    }
}
