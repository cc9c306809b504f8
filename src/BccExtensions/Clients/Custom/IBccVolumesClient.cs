using BccExtensions.Models;

namespace BccExtensions;

// Waits for volumes; the operations themselves are generated.
public partial interface IBccVolumesClient
{
    /// <summary>Polls a volume, with back-off, until it reaches a status (<c>Available</c> after create or detach, <c>InUse</c> after attach).</summary>
    /// <param name="volumeId">The volume id.</param>
    /// <param name="status">The status to wait for.</param>
    /// <param name="timeout">How long to wait; 10 minutes when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The volume in the requested status.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed, or the timeout is not positive.</exception>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    /// <exception cref="InvalidOperationException">The volume entered a state it cannot leave by itself (<c>Error</c>, <c>Deleted</c>, <c>Expired</c>, <c>NotAvailable</c>).</exception>
    /// <exception cref="BccServiceException">The service refused a poll, e.g. the volume was released.</exception>
    /// <remarks>Polls BCC GetVolume.</remarks>
    Task<BccVolume> WaitForStatusAsync(string volumeId, VolumeStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
