using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Snapshots of CDS volumes.</summary>
internal static class SnapshotsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateSnapshot", Create),
        new("ListSnapshots", (call, state) =>
        {
            IEnumerable<EmulatedSnapshot> snapshots = EmulatorRoutes.Filter(state.Snapshots, call.QueryString("volumeId"), (s, v) => s.VolumeId == v);
            return EmulatorPaging.Page(call, EmulatedResource.RefreshAll(snapshots, call.Now), "snapshots", s => s.ToJson());
        }),
        new("GetSnapshot", (call, state) => EmulatorResponse.Ok(new JsonObject { ["snapshot"] = state.FindSnapshot(call.PathValue("snapshotId"), call.Now).ToJson() })),
        new("DeleteSnapshot", (call, state) =>
        {
            EmulatedSnapshot found = state.FindSnapshot(call.PathValue("snapshotId"), call.Now);
            found.RequireStatus("Snapshot.DeleteOperationForbidden", "Available", "CreatedFailed", "NotAvailable");
            state.Snapshots.Remove(found);
            return EmulatorResponse.Ok();
        }),
    ];

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        EmulatedVolume volume = state.FindVolume(call.RequiredString("volumeId"), call.Now);
        volume.RequireStatus("Volume.CreateSnapshotOperationForbidden", "Available", "InUse");
        var snapshot = new EmulatedSnapshot
        {
            Id = EmulatorState.NewId("s"),
            Name = call.RequiredString("snapshotName"),
            VolumeId = volume.Id,
            SizeInGB = volume.SizeInGB,
            CreateTime = call.Now,
            Description = call.String("desc") ?? string.Empty,
        };
        snapshot.Transition("Creating", "Available", call.Now, state.TransitionDelay);
        volume.Transition("SnapshotProcessing", volume.Status, call.Now, state.TransitionDelay);
        state.Snapshots.Add(snapshot);
        return EmulatorResponse.Ok(new JsonObject { ["snapshotId"] = snapshot.Id });
    }
}
