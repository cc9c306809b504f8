using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BccExtensions.Aspire.Hosting.Tests;

/// <summary>
/// samples/BccExtensions.AppHost, started once for the tests that share it, and stopped after them: both of its
/// resources are healthy (the emulator answers a signed call; the sample's /health is Healthy) before a test runs.
/// </summary>
public sealed class SampleAppHost(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Gives up on a start or a call that hangs, rather than the whole run.</summary>
    public CancellationToken Timeout => _timeout.Token;

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        IDistributedApplicationTestingBuilder builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.BccExtensions_AppHost>(Timeout);
        App = await builder.BuildAsync(Timeout);
        await App.StartAsync(Timeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("bcc", Timeout);
        TimeSpan emulatorHealthy = started.Elapsed;
        await App.ResourceNotifications.WaitForResourceHealthyAsync("sample", Timeout);
        diagnostics.OnMessage(new DiagnosticMessage($"sample AppHost: emulator healthy after {emulatorHealthy.TotalSeconds:F1} s, sample after {started.Elapsed.TotalSeconds:F1} s"));
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        _timeout.Dispose();
    }
}
