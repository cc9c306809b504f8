namespace BccExtensions.Internal.Http;

/// <summary>
/// The innermost of the library's handlers, so it sees every attempt as it goes on the wire (a retry, or the signer's
/// re-signed send after <c>RequestExpired</c>, included) and reports it to the call's <see cref="BccOperationScope"/>.
/// Not async: it adds no state machine to the attempt.
/// </summary>
internal sealed class BccAttemptHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(BccOperationScope.RequestKey, out BccOperationScope? scope))
        {
            scope.AttemptSent();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
