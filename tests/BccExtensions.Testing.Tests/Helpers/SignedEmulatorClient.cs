using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using BccExtensions.Internal.Signing;
using BccExtensions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Testing.Tests.Helpers;

/// <summary>Sends signed raw requests to an emulator, for operations the typed client does not cover yet.</summary>
public sealed class SignedEmulatorClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly BccEmulator _emulator;
    private readonly FakeTimeProvider _time;

    public SignedEmulatorClient(BccEmulator emulator, FakeTimeProvider time)
    {
        _emulator = emulator;
        _time = time;
    }

    // The suite runs with reflection-based JSON off (as the emulator must work); the tests' anonymous bodies opt back in.
    private static readonly System.Text.Json.JsonSerializerOptions s_anonymousBodies = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    public async Task<JsonNode?> SendAsync(HttpMethod method, string pathAndQuery, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, new Uri(_emulator.Endpoint, pathAndQuery));
        if (body is not null)
        {
            string json = body as string ?? System.Text.Json.JsonSerializer.Serialize(body, s_anonymousBodies);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        BceSigningHandler.Sign(request, request.RequestUri!, new BceCredentials(_emulator.AccessKeyId, _emulator.SecretAccessKey), _time.GetUtcNow(), new BceSigningOptions());
        using HttpResponseMessage response = await _http.SendAsync(request);
        LastOperation = response.Headers.TryGetValues("x-bcc-emulator-operation", out IEnumerable<string>? names) ? names.Single() : null;
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {pathAndQuery}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Gets the operation the emulator named for the last request, or <see langword="null"/>.</summary>
    public string? LastOperation { get; private set; }

    public void Dispose() => _http.Dispose();
}
