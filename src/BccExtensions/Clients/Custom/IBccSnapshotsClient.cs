using BccExtensions.Models;

namespace BccExtensions;

// Waits for snapshots; the operations themselves are generated.
public partial interface IBccSnapshotsClient
{
    /// <summary>Polls a snapshot, with back-off, until it reaches a status (usually <c>Available</c> after create).</summary>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="status">The status to wait for.</param>
    /// <param name="timeout">How long to wait; 10 minutes when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The snapshot in the requested status.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed, or the timeout is not positive.</exception>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    /// <exception cref="InvalidOperationException">The snapshot entered a state it cannot leave by itself (<c>CreatedFailed</c>, <c>NotAvailable</c>).</exception>
    /// <exception cref="BccServiceException">The service refused a poll, e.g. the snapshot was deleted.</exception>
    /// <remarks>Polls BCC GetSnapshot.</remarks>
    Task<BccSnapshot> WaitForStatusAsync(string snapshotId, SnapshotStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
