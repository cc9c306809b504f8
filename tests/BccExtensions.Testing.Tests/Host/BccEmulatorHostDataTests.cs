using System.Collections.Concurrent;
using System.Diagnostics;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.DependencyInjection;

namespace BccExtensions.Testing.Tests.Host;

/// <summary><c>bcc-emulator --data</c> as a process that can be killed at any moment.</summary>
public sealed class BccEmulatorHostDataTests : IDisposable
{
    private const int Writers = 4;

    private readonly string _data = Directory.CreateTempSubdirectory("bcc-emulator-host-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task KilledInALoopUnderConcurrentWrites_KeepsEveryAnsweredWrite()
    {
        var answered = new ConcurrentDictionary<string, string>();
        for (int round = 1; round <= 6; round++)
        {
            using Process host = Start("--port", "0", "--data", _data);
            try
            {
                await using ServiceProvider services = await ClientAsync(host);
                IBccClient client = services.GetRequiredService<IBccClient>();

                // Every write answered before the last kill is there; the file is readable (or the start would have failed).
                HashSet<string> kept = await KeyPairIdsAsync(client);
                Assert.Subset(kept, answered.Keys.ToHashSet());

                // Kill while four writers are busy, after a number of answers that differs from round to round, so
                // the kill lands at different points of the write cycle (mid-request, mid-file, between requests).
                int killAt = answered.Count + 20 + (round * 7);
                var reached = new TaskCompletionSource();
                Task[] writers = [.. Enumerable.Range(0, Writers).Select(w => WriteUntilKilledAsync(client, $"r{round}w{w}", answered, killAt, reached))];
                await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
                await Task.WhenAll(writers);
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }
            }
        }

        using Process last = Start("--port", "0", "--data", _data);
        try
        {
            await using ServiceProvider services = await ClientAsync(last);
            HashSet<string> survived = await KeyPairIdsAsync(services.GetRequiredService<IBccClient>());
            Assert.Subset(survived, answered.Keys.ToHashSet());
            Assert.InRange(answered.Count, 6 * 27, int.MaxValue);
        }
        finally
        {
            last.Kill(entireProcessTree: true);
            await last.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task DamagedDataFile_EndsTheStartWithOneLineNamingIt()
    {
        string file = Path.Combine(_data, "state.json");
        await File.WriteAllTextAsync(file, "{ \"format\": \"bcc-emulator-data\", \"version\": 1, \"instances\": [ {");

        using Process host = Start("--port", "0", "--data", _data);
        Task<string> error = host.StandardError.ReadToEndAsync();
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, host.ExitCode);
        Assert.StartsWith($"bcc-emulator: The emulator cannot start from its data file {file}: it is not the emulator's JSON", await error, StringComparison.Ordinal);
    }

    private static async Task WriteUntilKilledAsync(IBccClient client, string prefix, ConcurrentDictionary<string, string> answered, int killAt, TaskCompletionSource reached)
    {
        for (int i = 0; ; i++)
        {
            KeyPair created;
            try
            {
                created = await client.KeyPairs.CreateAsync(new CreateKeyPairRequest { Name = $"{prefix}-{i}" });
            }
            catch (Exception killed) when (killed is HttpRequestException or IOException)
            {
                return; // the process is gone: this request was in flight, and may or may not have been kept
            }

            answered[created.KeyPairId!] = created.Name!;
            if (answered.Count >= killAt)
            {
                reached.TrySetResult();
            }
        }
    }

    private static async Task<HashSet<string>> KeyPairIdsAsync(IBccClient client)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (KeyPair keyPair in client.KeyPairs.ListAsync())
        {
            ids.Add(keyPair.KeyPairId!);
        }

        return ids;
    }

    private static async Task<ServiceProvider> ClientAsync(Process host)
    {
        string? line;
        do
        {
            line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        while (line is not null && !line.StartsWith("BCC emulator listening on ", StringComparison.Ordinal));

        if (line is null)
        {
            Assert.Fail("bcc-emulator did not start: " + await host.StandardError.ReadToEndAsync());
        }

        var settings = new Dictionary<string, string?> { ["Bcc:DisableRetries"] = "true" };
        (ServiceCollection services, _) = TestConfiguration.Client(
            TestConfiguration.Bcc(line["BCC emulator listening on ".Length..], BccEmulatorOptions.DefaultAccessKeyId, BccEmulatorOptions.DefaultSecretAccessKey, settings),
            TimeProvider.System,
            _ => { });
        return services.BuildServiceProvider();
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BccEmulator.Host.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
