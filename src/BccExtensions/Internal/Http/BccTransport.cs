using System.Text.Json.Serialization.Metadata;
using BccExtensions.Internal.Json;
using BccExtensions.Internal.Signing;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Builds a <see cref="BccCall"/>'s request, sends it through the registration's HttpClient and hands over the answer:
/// its model, or a <see cref="BccServiceException"/>. Telemetry is the call's <see cref="BccOperationScope"/>, the
/// body is <see cref="BccAnswerBody"/>'s, errors are <see cref="BceError"/>'s. Takes a client from
/// <see cref="IHttpClientFactory"/> per call, so handler rotation (DNS, proxy changes) reaches long-lived singletons.
/// </summary>
internal sealed class BccTransport(
    IHttpClientFactory httpClientFactory,
    string httpClientName,
    BccOptionsCache<BccEndpoint> endpoint,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Gets the time source of this registration.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Sends a call whose answer has no body of interest.</summary>
    public Task SendAsync(BccCall call, CancellationToken cancellationToken) => ExchangeAsync<object, object>(call, responseType: null, select: null, cancellationToken);

    /// <summary>Sends a call and reads its JSON answer tolerantly (<see cref="BccAnswerReader"/>); an empty body reads as <c>{}</c>.</summary>
    public Task<T> SendAsync<T>(BccCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        ExchangeAsync(call, responseType, static response => response, cancellationToken);

    /// <summary>Sends a call, reads its JSON answer and answers what <paramref name="select"/> takes from it (a page, one member).</summary>
    public Task<TResult> SendAsync<TResponse, TResult>(BccCall call, JsonTypeInfo<TResponse> responseType, Func<TResponse, TResult> select, CancellationToken cancellationToken) =>
        ExchangeAsync(call, responseType, select, cancellationToken);

    // One async method for the whole exchange, the operation's own work on the answer included: every frame between the
    // caller and the socket is one more state machine boxed and resumed when the I/O pends (docs/benchmarks.md).
    private async Task<TResult> ExchangeAsync<TResponse, TResult>(BccCall call, JsonTypeInfo<TResponse>? responseType, Func<TResponse, TResult>? select, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        BccEndpoint target = endpoint.Current;
        HttpResponseMessage response;
        string? requestId;
        using (HttpRequestMessage request = call.CreateRequest(target))
        using (BccOperationScope scope = BccOperationScope.Start(call, target, TimeProvider))
        {
            request.Options.Set(BccOperationScope.RequestKey, scope);
            try
            {
                // Bodies are already read inside the pipeline (BccResilienceHandler), within the attempt timeout.
                response = await httpClientFactory.CreateClient(httpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                scope.Failed(exception);
                throw;
            }

            requestId = response.Headers.TryGetValues(BceHeaderNames.RequestId, out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;
            scope.Answered(response, requestId, logger);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    byte[] error = await BccAnswerBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
                    BccServiceException refusal = BceError.FromAnswer(response.StatusCode, response.ReasonPhrase, error, requestId);
                    scope.Refused(refusal);
                    throw refusal;
                }
            }
        }

        // The operation's span and duration end with the answer; reading it into the model is the caller's time.
        using (response)
        {
            if (responseType is null)
            {
                return default!;
            }

            byte[] body = await BccAnswerBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            return select!(BccAnswerReader.Read(body, responseType, call.Operation, response.StatusCode, requestId, logger));
        }
    }
}
