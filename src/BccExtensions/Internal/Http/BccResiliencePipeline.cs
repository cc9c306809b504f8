using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// The standard resilience handler's five strategies, in its order, over a client's own
/// <see cref="BccOptions.Resilience"/>: rate limiter, total timeout, retry, circuit breaker, attempt timeout. Built
/// straight from a <see cref="ResiliencePipelineBuilder{T}"/> rather than through the pipeline registry, so no call
/// pays for Polly's per-execution telemetry; resilience events are reported by <see cref="BccResilienceTelemetry"/>.
/// </summary>
internal static class BccResiliencePipeline
{
    /// <summary>Builds the pipeline of one options instance; without retries when <see cref="BccOptions.DisableRetries"/> is set.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(BccOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            TimeProvider = timeProvider,
            TelemetryListener = new BccResilienceTelemetry(logger),
        };
        HttpStandardResilienceOptions resilience = options.Resilience;
        builder.AddRateLimiter(resilience.RateLimiter).AddTimeout(resilience.TotalRequestTimeout);
        if (!options.DisableRetries)
        {
            builder.AddRetry(resilience.Retry);
        }

        return builder.AddCircuitBreaker(resilience.CircuitBreaker).AddTimeout(resilience.AttemptTimeout).Build();
    }
}
