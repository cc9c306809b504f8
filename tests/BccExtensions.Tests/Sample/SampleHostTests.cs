using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

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
        Assert.Equal("NotFound", problem.RootElement.GetProperty("bccCode").GetString());
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
}
