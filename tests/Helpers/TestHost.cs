using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Helpers;

/// <summary>A service provider with one BCC client over a <see cref="StubHandler"/> and a fake clock.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE0123456789abcdef";
    public const string SecretAccessKey = "SKEXAMPLE0123456789abcdefSKEXAMPLE";

    private TestHost(ServiceProvider services, StubHandler stub, FakeTimeProvider time, IConfigurationRoot configuration)
    {
        Services = services;
        Stub = stub;
        Time = time;
        Configuration = configuration;
    }

    public IConfigurationRoot Configuration { get; }

    public ServiceProvider Services { get; }

    public StubHandler Stub { get; }

    public FakeTimeProvider Time { get; }

    public IBccClient Client => Services.GetRequiredService<IBccClient>();

    public static DateTimeOffset Start { get; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TestHost Create(
        Func<RecordedRequest, int, HttpResponseMessage>? respond = null,
        IDictionary<string, string?>? settings = null,
        Action<IBccClientBuilder>? configure = null,
        ILoggerProvider? logs = null)
    {
        var stub = new StubHandler(respond);
        var time = new FakeTimeProvider(Start);
        IConfigurationRoot configuration = TestConfiguration.Bcc("https://bcc.bj.baidubce.com", AccessKeyId, SecretAccessKey, settings);
        (ServiceCollection services, IBccClientBuilder builder) = TestConfiguration.Client(configuration, time, http => http.ConfigurePrimaryHttpMessageHandler(() => stub), logs);
        configure?.Invoke(builder);
        return new TestHost(services.BuildServiceProvider(), stub, time, configuration);
    }

    /// <summary>Advances the fake clock in small steps until the task completes (retry delays, Retry-After).</summary>
    public Task<T> RunAsync<T>(Task<T> task, TimeSpan? step = null) => FakeClockDriver.RunAsync(Time, task, step, yieldsPerStep: 200);

    public Task RunAsync(Task task, TimeSpan? step = null) => FakeClockDriver.RunAsync(Time, task, step, yieldsPerStep: 200);

    public async ValueTask DisposeAsync() => await FakeClockDriver.DisposeAsync(Services, Time);

    /// <summary>Advances the fake clock one small step at a time until a condition holds (<see cref="FakeClockDriver"/>).</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string what, TimeSpan? step = null) => FakeClockDriver.AdvanceUntilAsync(Time, condition, what, step);

    /// <summary>Decrypts a password field the way the service does.</summary>
    public static string DecryptPassword(string hex)
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = System.Text.Encoding.UTF8.GetBytes(SecretAccessKey[..16]);
        return System.Text.Encoding.UTF8.GetString(aes.DecryptEcb(Convert.FromHexString(hex), System.Security.Cryptography.PaddingMode.PKCS7));
    }
}
