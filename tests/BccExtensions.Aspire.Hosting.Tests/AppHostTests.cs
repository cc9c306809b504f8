using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using BccExtensions.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BccExtensions.Aspire.Hosting.Tests;

/// <summary>
/// The sample AppHost started whole, as a developer runs it: bcc-emulator as a process (no container runtime), the
/// sample host beside it with nothing but the connection string the app host hands over.
/// </summary>
public sealed class AppHostTests(SampleAppHost sampleAppHost) : IClassFixture<SampleAppHost>
{
    [Fact]
    public async Task SampleAppHost_TheSampleBesideTheEmulator_ListsTheSeededInstances()
    {
        using HttpClient sample = sampleAppHost.App.CreateHttpClient("sample");

        using JsonDocument listed = JsonDocument.Parse(await sample.GetStringAsync(new Uri("/instances", UriKind.Relative), sampleAppHost.Timeout));

        string[] names = [.. listed.RootElement.EnumerateArray().Select(instance => instance.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
        Assert.Equal(["demo-1", "demo-2", "demo-3"], names);
    }

    [Fact]
    public async Task EmulatorResource_ItsConnectionStringAlone_ConfiguresTheAspireClient()
    {
        string? connectionString = await sampleAppHost.App.GetConnectionStringAsync("bcc", sampleAppHost.Timeout);
        Assert.Matches("^Endpoint=http://localhost:[0-9]+;AccessKeyId=[A-Z0-9]+;SecretAccessKey=[a-z0-9]+$", connectionString);

        HostApplicationBuilder client = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        client.Configuration.AddInMemoryCollection([new("ConnectionStrings:bcc", connectionString)]);
        client.AddBccClient("bcc");
        using IHost host = client.Build();

        IReadOnlyList<BccInstance> instances = await host.Services.GetRequiredService<IBccClient>().Instances.ListAsync(sampleAppHost.Timeout).ToListAsync(sampleAppHost.Timeout);

        Assert.Contains(instances, instance => instance.Name == "demo-1");
    }
}
