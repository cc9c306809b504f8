using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BccExtensions;
using BccExtensions.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace BccExtensions.Aspire.Hosting.Tests;

/// <summary>
/// The sample AppHost started whole, as a developer runs it: bcc-emulator as a process (no container runtime), the
/// sample host beside it with nothing but the connection string the app host hands over.
/// </summary>
public sealed class AppHostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SampleAppHost_StartsTheEmulatorAndTheSample_TheSampleListsTheSeededInstances()
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        var started = System.Diagnostics.Stopwatch.StartNew();
        IDistributedApplicationTestingBuilder builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.BccExtensions_AppHost>(timeout.Token);
        await using DistributedApplication app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("bcc", timeout.Token);
        TimeSpan emulatorHealthy = started.Elapsed;
        await app.ResourceNotifications.WaitForResourceHealthyAsync("sample", timeout.Token);
        output.WriteLine($"emulator healthy after {emulatorHealthy.TotalSeconds:F1} s, sample healthy after {started.Elapsed.TotalSeconds:F1} s");

        using HttpClient sample = app.CreateHttpClient("sample");
        using JsonDocument listed = JsonDocument.Parse(await sample.GetStringAsync(new Uri("/instances", UriKind.Relative), timeout.Token));
        string[] names = [.. listed.RootElement.EnumerateArray().Select(instance => instance.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(["demo-1", "demo-2", "demo-3"], names);
    }

    [Fact]
    public async Task EmulatorResource_ItsConnectionStringAlone_ConfiguresTheAspireClient()
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        IDistributedApplicationTestingBuilder builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.BccExtensions_AppHost>(timeout.Token);
        await using DistributedApplication app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("bcc", timeout.Token);

        string? connectionString = await app.GetConnectionStringAsync("bcc", timeout.Token);
        Assert.Matches("^Endpoint=http://localhost:[0-9]+;AccessKeyId=[A-Z0-9]+;SecretAccessKey=[a-z0-9]+$", connectionString);

        HostApplicationBuilder client = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        client.Configuration.AddInMemoryCollection([new("ConnectionStrings:bcc", connectionString)]);
        client.AddBccClient("bcc");
        using IHost host = client.Build();
        IBccClient bcc = host.Services.GetRequiredService<IBccClient>();

        IReadOnlyList<BccZone> zones = await bcc.Zones.ListAsync(timeout.Token);
        Assert.NotEmpty(zones);
    }
}
