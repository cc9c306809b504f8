using BccExtensions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Helpers;

/// <summary>A <see cref="BccEmulator"/> on loopback and a BCC client pointed at it, sharing one fake clock.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly InFlightCounter _inFlight;

    private EmulatorHost(BccEmulator emulator, ServiceProvider services, FakeTimeProvider time, IConfigurationRoot configuration, InFlightCounter inFlight)
    {
        _inFlight = inFlight;
        Emulator = emulator;
        Services = services;
        Time = time;
        Configuration = configuration;
    }

    public BccEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public IConfigurationRoot Configuration { get; }

    public IBccClient Client => Services.GetRequiredService<IBccClient>();

    public static async Task<EmulatorHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<BccEmulatorOptions>? emulatorOptions = null,
        Action<IServiceCollection, IBccClientBuilder>? configure = null)
    {
        var time = new FakeTimeProvider(TestHost.Start);
        var options = new BccEmulatorOptions { TimeProvider = time };
        emulatorOptions?.Invoke(options);
        BccEmulator emulator = await BccEmulator.StartAsync(options);

        IConfigurationRoot configuration = TestConfiguration.Bcc(emulator.Endpoint.ToString(), emulator.AccessKeyId, emulator.SecretAccessKey, settings);
        var inFlight = new InFlightCounter();
        (ServiceCollection services, IBccClientBuilder builder) = TestConfiguration.Client(configuration, time, http => http.AddHttpMessageHandler(() => new InFlightCounter.Handler(inFlight)));
        configure?.Invoke(services, builder);
        return new EmulatorHost(emulator, services.BuildServiceProvider(), time, configuration, inFlight);
    }

    /// <summary>Drives the clock gently: loopback I/O and exception propagation get time to settle between steps.</summary>
    public Task<T> RunAsync<T>(Task<T> task, TimeSpan? step = null) => FakeClockDriver.RunAsync(Time, task, step, Quiet, YieldsPerStep);

    public Task RunAsync(Task task, TimeSpan? step = null) => FakeClockDriver.RunAsync(Time, task, step, Quiet, YieldsPerStep);

    private const int YieldsPerStep = 2000;

    /// <summary>
    /// The clock may move only when every request the client has on the wire is one the emulator is deliberately
    /// delaying: never while a request or its answer is in transit. Matched by request id, not by count: an abandoned
    /// attempt the emulator still sleeps on must not make a new attempt, still in transit, look delayed.
    /// </summary>
    private bool Quiet() => Emulator.Activity.IsIdle && _inFlight.AllAmong(Emulator.Activity.DelayedRequestIds);

    public async ValueTask DisposeAsync()
    {
        await FakeClockDriver.DisposeAsync(Services, Time);
        await Emulator.DisposeAsync();
    }
}
