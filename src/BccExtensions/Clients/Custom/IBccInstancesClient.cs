using BccExtensions.Models;

namespace BccExtensions;

// Waits for instances; the operations themselves are generated.
public partial interface IBccInstancesClient
{
    /// <summary>Polls an instance, with back-off, until it reaches a status.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="status">The status to wait for.</param>
    /// <param name="timeout">How long to wait; 10 minutes when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The instance in the requested status.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed, or the timeout is not positive.</exception>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    /// <exception cref="InvalidOperationException">The instance entered a state it cannot leave by itself (<c>Error</c>, <c>Deleted</c>, <c>Expired</c>, <c>Recycled</c>).</exception>
    /// <exception cref="BccServiceException">The service refused a poll, e.g. the instance was deleted.</exception>
    /// <remarks>Polls BCC GetInstance.</remarks>
    Task<BccInstance> WaitForStatusAsync(string instanceId, InstanceStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
