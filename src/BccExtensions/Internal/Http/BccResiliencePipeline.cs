using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// The standard resilience handler's five strategies, in its order, over a client's own
/// <see cref="BccOptions.Resilience"/>: rate limiter, total timeout, retry, circuit breaker, attempt timeout.
/// </summary>
internal static class BccResiliencePipeline
{
    /// <summary>Adds the strategies; without retries when <paramref name="retries"/> is false.</summary>
    public static void Add(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpStandardResilienceOptions options, bool retries)
    {
        builder.AddRateLimiter(options.RateLimiter).AddTimeout(options.TotalRequestTimeout);
        if (retries)
        {
            builder.AddRetry(options.Retry);
        }

        builder.AddCircuitBreaker(options.CircuitBreaker).AddTimeout(options.AttemptTimeout);
    }
}
