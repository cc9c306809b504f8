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
    public async Task SendAsync(BccCall call, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = (await SendCoreAsync(call, cancellationToken).ConfigureAwait(false)).Response;
    }

    /// <summary>Sends a call and reads its JSON answer tolerantly (<see cref="BccAnswerReader"/>); an empty body reads as <c>{}</c>.</summary>
    public async Task<T> SendAsync<T>(BccCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        (HttpResponseMessage response, string? requestId) = await SendCoreAsync(call, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            byte[] body = await BccAnswerBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            return BccAnswerReader.Read(body, responseType, call.Operation, response.StatusCode, requestId, logger);
        }
    }

    private async Task<(HttpResponseMessage Response, string? RequestId)> SendCoreAsync(BccCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        BccEndpoint target = endpoint.Current;
        using HttpRequestMessage request = call.CreateRequest(target);
        using BccOperationScope scope = BccOperationScope.Start(call, target, TimeProvider);

        request.Options.Set(BccOperationScope.RequestKey, scope);
        HttpResponseMessage response;
        try
        {
            // Bodies are already read inside the pipeline (BccAttemptHandler), within the attempt timeout.
            response = await httpClientFactory.CreateClient(httpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            scope.Failed(exception);
            throw;
        }

        string? requestId = response.Headers.TryGetValues(BceHeaderNames.RequestId, out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;
        scope.Answered(response, requestId, logger);
        if (response.IsSuccessStatusCode)
        {
            return (response, requestId);
        }

        using (response)
        {
            byte[] body = await BccAnswerBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            BccServiceException error = BceError.FromAnswer(response.StatusCode, response.ReasonPhrase, body, requestId);
            scope.Refused(error);
            throw error;
        }
    }
}
