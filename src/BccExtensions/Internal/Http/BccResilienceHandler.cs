using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Runs every request through its client's resilience pipeline (<see cref="BccResiliencePipeline"/>), the one its
/// current options built. The context of the run carries the call's <see cref="BccOperationScope"/> (whether it may be
/// replayed, for <see cref="BccRetryRule"/>; the operation, for <see cref="BccResilienceTelemetry"/>) and the
/// HttpClient's cancellation token, so cancelling the call reaches every
/// strategy and attempt.
/// </summary>
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
                static async (context, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
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

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
