using System.Net;
using BccExtensions.Internal.Json;

namespace BccExtensions.Internal.Signing;

/// <summary>Recognises the <c>RequestExpired</c> answer that tells the signer its clock is off.</summary>
internal static class BceRequestExpired
{
    /// <summary>Returns whether a 400 answer carries the <c>RequestExpired</c> code; the body stays readable.</summary>
    public static async Task<bool> IsRequestExpiredAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return false;
        }

        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(BceErrorBody.MaxBytes, cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync(BceErrorBody.MaxBytes).ConfigureAwait(false);
#endif
        }
        catch (HttpRequestException)
        {
            return false;
        }

        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return BceErrorBody.TryParse(body)?.Code == BccErrorCodes.RequestExpired;
    }
}
