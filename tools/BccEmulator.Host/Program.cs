using System.Globalization;
using BccExtensions.Testing;

// Runs a BccEmulator until Ctrl+C, so any bce-auth-v1 client (Baidu's Go/Java/Python SDKs, the bce CLI,
// this library) can be pointed at it. Usage: dotnet run --project tools/BccEmulator.Host -- [--port 8080] [--seed 3] [--journal 0]
// The journal (the last N requests, for tests that inspect them) is off by default here: a long-running server keeps none.
int port = 8080;
int seed = 0;
int journal = 0;
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port" && !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port))
    {
        Console.Error.WriteLine("--port takes a number (0 picks a free port).");
        return 2;
    }

    if (args[i] == "--seed" && !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed))
    {
        Console.Error.WriteLine("--seed takes the number of instances to create.");
        return 2;
    }

    if (args[i] == "--journal" && !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out journal))
    {
        Console.Error.WriteLine("--journal takes the number of requests to keep.");
        return 2;
    }
}

await using BccEmulator emulator = await BccEmulator.StartAsync(new BccEmulatorOptions { Port = port, JournalCapacity = journal });
for (int i = 1; i <= seed; i++)
{
    emulator.SeedInstance($"demo-{i}");
}

Console.WriteLine($"BCC emulator listening on {emulator.Endpoint}");
Console.WriteLine($"  access key id:     {emulator.AccessKeyId}");
Console.WriteLine($"  secret access key: {emulator.SecretAccessKey}");
Console.WriteLine($"  STS endpoint:      {emulator.Endpoint} (POST /v1/sessionToken, /v1/credential?assumeRole)");
Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
}

return 0;
