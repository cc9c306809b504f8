using BccExtensions.Internal.Operations;
using BccExtensions.Models;

namespace BccExtensions;

// The hand-written part of the volume operations: waiting.
internal sealed partial class BccVolumesClient
{
    private static readonly VolumeStatus[] s_stuck = [VolumeStatus.Error, VolumeStatus.Deleted, VolumeStatus.Expired, VolumeStatus.NotAvailable];

    public Task<BccVolume> WaitForStatusAsync(string volumeId, VolumeStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        BccArguments.ThrowIfInvalidId(volumeId, nameof(volumeId));
        return BccWaiter.WaitAsync(transport.TimeProvider, "Volume " + volumeId, token => GetAsync(volumeId, token), v => v.Status, status, s_stuck, timeout, cancellationToken);
    }
}
