using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Testing.Tests.Helpers;

/// <summary>An in-process emulator on a fake clock, with a client that sends signed raw requests to it.</summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(BccEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        Api = new SignedEmulatorClient(emulator, time);
    }

    public BccEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public SignedEmulatorClient Api { get; }

    public static async Task<EmulatorSession> StartAsync()
    {
        var time = new FakeTimeProvider(TestHost.Start);
        return new EmulatorSession(await BccEmulator.StartAsync(new BccEmulatorOptions { TimeProvider = time }), time);
    }

    /// <summary>Lets every pending transition complete.</summary>
    public void Settle() => Time.Advance(new BccEmulatorOptions().TransitionDelay);

    public async Task<JsonNode> GetAsync(string pathAndQuery) => (await Api.SendAsync(HttpMethod.Get, pathAndQuery))!;

    /// <summary>Sends a request with a JSON body and answers the JSON answer (an empty object when there is none).</summary>
    public async Task<JsonNode> SendAsync(HttpMethod method, string pathAndQuery, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Api.SendAsync(method, pathAndQuery, body, expected) ?? new JsonObject();

    /// <summary>Sends a request BCC must refuse; answers the error code.</summary>
    public async Task<string> RefusedAsync(HttpMethod method, string pathAndQuery, object? body, HttpStatusCode expected) =>
        (await Api.SendAsync(method, pathAndQuery, body, expected))!["code"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
    }
}
