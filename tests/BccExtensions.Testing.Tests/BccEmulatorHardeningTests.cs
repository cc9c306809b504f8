using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BccExtensions.Testing;
using BccExtensions.Testing.Tests.Helpers;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Testing.Tests;

/// <summary>Unauthenticated, malformed and endless input: every answer is a 4xx with a BCE error body, and memory stays bounded.</summary>
public sealed class BccEmulatorHardeningTests : IAsyncLifetime
{
    private static readonly string s_signature = new('a', 64);
    private readonly FakeTimeProvider _time = new(TestHost.Start);
    private readonly HttpClient _http = new();
    private BccEmulator _emulator = null!;
    private SignedEmulatorClient _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await BccEmulator.StartAsync(new BccEmulatorOptions { TimeProvider = _time, JournalCapacity = 50 });
        _api = new SignedEmulatorClient(_emulator, _time);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z", "1800")]
    [InlineData("0001-01-01T00:00:00Z", "2147483647")]
    [InlineData("2024-01-02T03:04:05Z", "2147483647")]
    public async Task Authorization_ExtremeTimestampOrExpiration_A4xxWithABceBody(string timestamp, string expiration)
    {
        (HttpStatusCode status, JsonObject body) = await SendAsync($"bce-auth-v1/{BccEmulatorOptions.DefaultAccessKeyId}/{timestamp}/{expiration}//{s_signature}", "GET", "/v2/zone");

        Assert.InRange((int)status, 400, 499);
        Assert.False(string.IsNullOrEmpty(body["code"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["requestId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task SignedBody_DuplicateMembers_MalformedJson()
    {
        JsonNode? answer = await _api.SendAsync(HttpMethod.Post, "/v2/keypair", """{"name":"a","name":"b"}""", HttpStatusCode.BadRequest);

        Assert.Equal(BccErrorCodes.MalformedJson, answer!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedBody_DuplicateMembersDeepInside_MalformedJson()
    {
        JsonNode? answer = await _api.SendAsync(HttpMethod.Post, "/v2/securityGroup?clientToken=d-1", """{"name":"a","rules":[{"direction":"ingress","direction":"egress"}]}""", HttpStatusCode.BadRequest);

        Assert.Equal(BccErrorCodes.MalformedJson, answer!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flood_OfUnsignedAndMalformedRequests_No5xxAndTheJournalStaysBounded()
    {
        string[] authorizations =
        [
            "",
            "bce-auth-v1",
            "bce-auth-v1/////",
            $"bce-auth-v1/{BccEmulatorOptions.DefaultAccessKeyId}/9999-12-31T23:59:59Z/1800//{s_signature}",
            $"bce-auth-v1/{BccEmulatorOptions.DefaultAccessKeyId}/2024-01-02T03:04:05Z/-1//{s_signature}",
            $"bce-auth-v1/unknown/2024-01-02T03:04:05Z/1800/host/{s_signature}",
            $"bce-auth-v1/{BccEmulatorOptions.DefaultAccessKeyId}/2024-01-02T03:04:05Z/1800/host;{new string('x', 4000)}/{s_signature}",
        ];
        string[] paths = ["/v2/zone", "/v2/instance/%E4%B8%AD%FF", "/v2/volume/../../etc", "/v1/sessionToken", "/nowhere", "/v2/instance?marker=" + new string('m', 2000)];
        var statuses = new Dictionary<int, int>();

        for (int i = 0; i < 1400; i++)
        {
            (HttpStatusCode status, JsonObject body) = await SendAsync(authorizations[i % authorizations.Length], i % 2 == 0 ? "GET" : "POST", paths[i % paths.Length], i % 3 == 0 ? "{\"a\":1,\"a\":2}" : "\u0000{[");
            statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
            Assert.True((int)status < 500, $"{status} for request {i}: {body.ToJsonString()}");
            Assert.NotNull(body["requestId"]);
        }

        Assert.Equal(50, _emulator.Journal.Count);
        Assert.All(_emulator.Journal, request => Assert.False(request.Headers.ContainsKey("Authorization")));
        Assert.True(statuses.Keys.All(code => code is 400 or 403 or 404), string.Join(", ", statuses));
    }

    [Fact]
    public async Task Journal_CapacityZero_KeepsNothing()
    {
        await using BccEmulator quiet = await BccEmulator.StartAsync(new BccEmulatorOptions { TimeProvider = _time, JournalCapacity = 0 });
        using var api = new SignedEmulatorClient(quiet, _time);

        await api.SendAsync(HttpMethod.Get, "/v2/zone");

        Assert.Empty(quiet.Journal);
    }

    [Fact]
    public async Task ClientToken_AfterItsLifetime_IsForgotten()
    {
        await _api.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create?clientToken=t-old", new { strategy = "HOST_HA", name = "first" });
        await _api.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create?clientToken=t-old", new { strategy = "HOST_HA", name = "second" }, HttpStatusCode.Conflict);

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await _api.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create?clientToken=t-old", new { strategy = "HOST_HA", name = "second" });

        JsonNode sets = (await _api.SendAsync(HttpMethod.Get, "/v2/instance/deployset/list"))!;
        Assert.Equal(2, sets["deploySets"]!.AsArray().Count);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(string authorization, string method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_emulator.Endpoint, path));
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null && method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, (text.Length == 0 ? throw new InvalidOperationException($"{(int)response.StatusCode} with an empty body for {method} {path} ({authorization.Length})") : JsonNode.Parse(text)) as JsonObject ?? throw new InvalidOperationException($"{(int)response.StatusCode} with a body that is not a BCE error: '{text}'"));
    }
}
