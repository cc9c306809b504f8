using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BccExtensions;

/// <summary>Creates the resilience defaults, which follow Baidu's SDKs (3 retries, 300 ms doubling, at most 20 s).</summary>
internal static class BccResilienceDefaults
{
    public static HttpStandardResilienceOptions Create()
    {
        var options = new HttpStandardResilienceOptions();
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(20);
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        return options;
    }
}
