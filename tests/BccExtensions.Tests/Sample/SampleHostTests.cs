using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BccExtensions.Tests.Sample;

public sealed class SampleHostTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public SampleHostTests(WebApplicationFactory<Program> factory) => _factory = factory;

    [Fact]
    public async Task GetInstances_OnTheEmbeddedEmulator_ReturnsTheSeededFleetAsJson()
    {
        using HttpClient client = _factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/instances", UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string[] names = body.RootElement.EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();
        Assert.Contains("web-1", names);
        Assert.Contains("batch-1", names);
        Assert.All(body.RootElement.EnumerateArray(), i => Assert.StartsWith("i-", i.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetInstance_Unknown_ProblemDetailsWithBccCodeAndRequestId()
    {
        using HttpClient client = _factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/instances/i-missing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("NoSuchObject", problem.RootElement.GetProperty("bccCode").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("bccRequestId").GetString()));
    }

    [Fact]
    public async Task StartInstance_AlreadyRunning_ConflictFromBcc()
    {
        using HttpClient client = _factory.CreateClient();
        using JsonDocument list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/instances?status=Running", UriKind.Relative)));
        string id = list.RootElement[0].GetProperty("id").GetString()!;

        using HttpResponseMessage response = await client.PostAsync(new Uri($"/instances/{id}/start", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Instance.StartInstanceOperationForbidden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostVolume_OnTheEmbeddedEmulator_IsListedWithItsSize()
    {
        using HttpClient client = _factory.CreateClient();

        using HttpResponseMessage created = await client.PostAsync(new Uri("/volumes?sizeInGB=64&zone=cn-bj-a", UriKind.Relative), content: null);
        using JsonDocument ids = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        string id = ids.RootElement.GetProperty("volumeIds")[0].GetString()!;
        using JsonDocument listed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/volumes", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        JsonElement volume = Assert.Single(listed.RootElement.EnumerateArray(), v => v.GetProperty("id").GetString() == id);
        Assert.Equal(64, volume.GetProperty("diskSizeInGB").GetInt32());
    }

    [Fact]
    public async Task GetHealth_OnTheEmbeddedEmulator_ReportsTheBccCheckAsJson()
    {
        using HttpClient client = _factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        JsonElement bcc = health.RootElement.GetProperty("checks").GetProperty("bcc");
        Assert.StartsWith("BCC answered in ", bcc.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(bcc.GetProperty("data").TryGetProperty("elapsedMs", out _));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public void ConsoleTelemetry_OffByDefault_OnBySwitch(string? setting, bool expected)
    {
        using WebApplicationFactory<Program> factory = setting is null ? new WebApplicationFactory<Program>() : _factory.WithWebHostBuilder(host => host.UseSetting("Sample:ConsoleTelemetry", setting));

        Assert.Equal(expected, factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>() is not null);
        Assert.Equal(expected, factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>() is not null);
    }
}
