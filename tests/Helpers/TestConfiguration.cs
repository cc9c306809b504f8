using Microsoft.Extensions.Configuration;

namespace BccExtensions.Tests.Helpers;

/// <summary>The <c>Bcc</c> configuration the test hosts share: deterministic retries and out-of-reach timeouts.</summary>
public static class TestConfiguration
{
    public static IConfigurationRoot Bcc(string endpoint, string accessKeyId, string secretAccessKey, IDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bcc:Endpoint"] = endpoint,
            ["Bcc:AccessKeyId"] = accessKeyId,
            ["Bcc:SecretAccessKey"] = secretAccessKey,
            ["Bcc:Resilience:Retry:UseJitter"] = "false",
            // A fake clock driven ahead while real work is in flight must not end a call early; tests of
            // timeouts set their own.
            ["Bcc:Resilience:AttemptTimeout:Timeout"] = "01:00:00",
            ["Bcc:Resilience:TotalRequestTimeout:Timeout"] = "02:00:00",
            ["Bcc:Resilience:CircuitBreaker:SamplingDuration"] = "02:00:00",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
