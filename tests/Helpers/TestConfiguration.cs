using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Tests.Helpers;

/// <summary>
/// What the test hosts (<see cref="TestHost"/>, <see cref="EmulatorHost"/>) share: the <c>Bcc</c> configuration, with
/// deterministic retries and out-of-reach timeouts, and one unnamed client on the fake clock.
/// </summary>
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

    /// <summary>Registers the unnamed client from <paramref name="configuration"/>, on <paramref name="time"/>.</summary>
    /// <param name="http">Where its requests go (a stub handler, or a handler that watches requests to the emulator).</param>
    public static (ServiceCollection Services, IBccClientBuilder Builder) Client(IConfigurationRoot configuration, TimeProvider time, Action<IHttpClientBuilder> http, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs));
        }

        return (services, services.AddBccClient(configuration.GetSection("Bcc")).ConfigureHttpClient(http));
    }
}
