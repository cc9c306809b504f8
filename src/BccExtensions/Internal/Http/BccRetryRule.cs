using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Decides which failures are retried. Safe methods and requests carrying a <c>clientToken</c> (which the service
/// deduplicates) retry on every transient failure; other mutations only where the service cannot have processed
/// them: the connection was never established, or the answer was 429.
/// </summary>
internal static class BccRetryRule
{
    /// <summary>
    /// The retry predicate of every client, set as <c>BccOptions.Resilience.Retry.ShouldHandle</c> by the registration.
    /// Whether the call may be replayed comes from its <see cref="BccOperationScope"/> on the resilience context; a
    /// request sent without one is not.
    /// </summary>
    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.Properties.TryGetValue(BccOperationScope.Key, out BccOperationScope? scope) && scope.IsReplayable));

    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome, bool replayable)
    {
        if (outcome.Exception is { } exception)
        {
            if (CannotSucceed(exception))
            {
                return false;
            }

            if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError })
            {
                return true;
            }

            return replayable && exception is HttpRequestException or TimeoutRejectedException;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        int status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        // 501 and 505 describe the request, not a passing fault.
        return replayable && (response.StatusCode == HttpStatusCode.RequestTimeout
            || (status >= 500 && response.StatusCode is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported));
    }

    /// <summary>
    /// Failures that the same request meets again on every attempt: a certificate the client refuses, an answer
    /// whose headers break HTTP, a request or answer over a configured limit.
    /// </summary>
    private static bool CannotSucceed(Exception exception) => exception is HttpRequestException
    {
        HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError or HttpRequestError.VersionNegotiationError,
    }
        || exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError, InnerException: System.Security.Authentication.AuthenticationException };
}
