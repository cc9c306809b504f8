using BccExtensions.Models;

namespace BccExtensions;

// Waits for images; the operations themselves are generated.
public partial interface IBccImagesClient
{
    /// <summary>Polls an image, with back-off, until it reaches a status (usually <c>Available</c> after create or import).</summary>
    /// <param name="imageId">The image id.</param>
    /// <param name="status">The status to wait for.</param>
    /// <param name="timeout">How long to wait; 10 minutes when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The image in the requested status.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed, or the timeout is not positive.</exception>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    /// <exception cref="InvalidOperationException">The image entered a state it cannot leave by itself (<c>CreateFailed</c>, <c>CreatedFailed</c>, <c>Error</c>, <c>NotAvailable</c>).</exception>
    /// <exception cref="BccServiceException">The service refused a poll, e.g. the image was deleted.</exception>
    /// <remarks>Polls BCC GetImage.</remarks>
    Task<BccImage> WaitForStatusAsync(string imageId, ImageStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
