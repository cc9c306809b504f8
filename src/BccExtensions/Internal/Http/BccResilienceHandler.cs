using BccExtensions.Internal.Json;
using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Runs every request through its client's resilience pipeline (<see cref="BccResiliencePipeline"/>), the one its
/// current options built. The context of the run carries the call's <see cref="BccOperationScope"/> (whether it may be
/// replayed, for <see cref="BccRetryRule"/>; the operation, for <see cref="BccResilienceTelemetry"/>) and the
/// HttpClient's cancellation token, so cancelling the call reaches every strategy and attempt.
/// </summary>
/// <remarks>
/// Each attempt reads the answer's body whole (<see cref="BccAnswerBody"/>) before it ends. A body that stalls is
/// thereby cut by the attempt timeout (and retried where safe) instead of hanging the caller, and an oversized body
/// fails at once with <see cref="InvalidDataException"/> (not retried).
/// </remarks>
internal sealed class BccResilienceHandler(BccOptionsCache<ResiliencePipeline<HttpResponseMessage>> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (request.Options.TryGetValue(BccOperationScope.RequestKey, out BccOperationScope? scope))
        {
            context.Properties.Set(BccOperationScope.Key, scope);
        }

        try
        {
            Outcome<HttpResponseMessage> outcome = await pipeline.Current.ExecuteOutcomeAsync(
                static (context, state) => state.Handler.AttemptAsync(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends one attempt down the chain and reads its answer whole; a failure is the attempt's outcome.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.RequestMessage ??= request;
            await BccAnswerBody.BufferAsync(response, cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }
}
