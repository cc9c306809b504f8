using BccExtensions.Internal.Json;

namespace BccExtensions.Internal.Http;

/// <summary>
/// The innermost of the library's handlers, so it sees every attempt as it goes on the wire: it reports the attempt to
/// the call's <see cref="BccOperationScope"/> and reads the answer's body whole (<see cref="BccAnswerBody"/>) before
/// the attempt ends. A body that stalls is thereby cut by the attempt timeout (and retried where safe) instead of
/// hanging the caller, and an oversized body fails at once with <see cref="InvalidDataException"/> (not retried).
/// </summary>
internal sealed class BccAttemptHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(BccOperationScope.RequestKey, out BccOperationScope? scope))
        {
            scope.AttemptSent();
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            response.RequestMessage ??= request;
            await BccAnswerBody.BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
