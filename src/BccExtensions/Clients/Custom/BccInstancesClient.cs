using BccExtensions.Internal.Operations;
using BccExtensions.Models;

namespace BccExtensions;

// The hand-written part of the instance operations: waiting.
internal sealed partial class BccInstancesClient
{
    private static readonly InstanceStatus[] s_stuck = [InstanceStatus.Error, InstanceStatus.Deleted, InstanceStatus.Expired, InstanceStatus.Recycled];

    public Task<BccInstance> WaitForStatusAsync(string instanceId, InstanceStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        BccArguments.ThrowIfInvalidId(instanceId, nameof(instanceId));
        return BccWaiter.WaitAsync(transport.TimeProvider, "Instance " + instanceId, token => GetAsync(instanceId, null, token), i => i.Status, status, s_stuck, timeout, cancellationToken);
    }
}
