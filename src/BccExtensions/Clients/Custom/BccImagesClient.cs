using BccExtensions.Internal.Operations;
using BccExtensions.Models;

namespace BccExtensions;

// The hand-written part of the image operations: waiting.
internal sealed partial class BccImagesClient
{
    private static readonly ImageStatus[] s_stuck = [ImageStatus.CreateFailed, ImageStatus.CreatedFailed, ImageStatus.Error, ImageStatus.NotAvailable];

    public Task<BccImage> WaitForStatusAsync(string imageId, ImageStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        BccArguments.ThrowIfInvalidId(imageId, nameof(imageId));
        return BccWaiter.WaitAsync(transport.TimeProvider, "Image " + imageId, token => GetAsync(imageId, token), i => i.Status, status, s_stuck, timeout, cancellationToken);
    }
}
