using BccExtensions.Internal.Operations;
using BccExtensions.Models;

namespace BccExtensions;

// The hand-written part of the snapshot operations: waiting.
internal sealed partial class BccSnapshotsClient
{
    private static readonly SnapshotStatus[] s_stuck = [SnapshotStatus.CreatedFailed, SnapshotStatus.NotAvailable];

    public Task<BccSnapshot> WaitForStatusAsync(string snapshotId, SnapshotStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        BccArguments.ThrowIfInvalidId(snapshotId, nameof(snapshotId));
        return BccWaiter.WaitAsync(transport.TimeProvider, "Snapshot " + snapshotId, token => GetAsync(snapshotId, token), s => s.Status, status, s_stuck, timeout, cancellationToken);
    }
}
