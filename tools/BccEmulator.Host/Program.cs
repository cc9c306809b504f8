using System.Net.Sockets;
using BccExtensions.Testing;
using BccExtensions.Testing.Host;

// bcc-emulator: runs a BccEmulator until Ctrl+C, so any bce-auth-v1 client (Baidu's Go/Java/Python SDKs, the bce CLI,
// this library) can be pointed at it. The journal is off by default here: a long-running server keeps no requests.
HostArguments arguments = HostArguments.Parse(args, out string? error);
if (error is not null)
{
    Console.Error.WriteLine("bcc-emulator: " + error);
    Console.Error.WriteLine(HostArguments.Usage);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(HostArguments.Usage);
    return 0;
}

BccEmulator emulator;
try
{
    emulator = await BccEmulator.StartAsync(new BccEmulatorOptions { Port = arguments.Port, JournalCapacity = arguments.Journal, DataDirectory = arguments.Data });
}
catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"bcc-emulator: port {arguments.Port} is already in use; choose another with --port (0 picks a free one).");
    return 1;
}
catch (Exception exception) when (exception is InvalidDataException || (exception is IOException && arguments.Data is not null))
{
    // A damaged or foreign data file, or a directory another emulator holds: never a silent reset.
    Console.Error.WriteLine("bcc-emulator: " + exception.Message);
    return 1;
}

await using (emulator)
{
    // With a data directory, the seed is added to an empty emulator only: a restart finds the instances it kept.
    int seed = emulator.InstanceIds.Count == 0 ? arguments.Seed : 0;
    for (int i = 1; i <= seed; i++)
    {
        emulator.SeedInstance($"demo-{i}");
    }

    Console.WriteLine($"BCC emulator listening on {emulator.Endpoint}");
    Console.WriteLine($"  access key id:     {emulator.AccessKeyId}");
    Console.WriteLine($"  secret access key: {emulator.SecretAccessKey}");
    Console.WriteLine($"  STS endpoint:      {emulator.Endpoint} (POST /v1/sessionToken, /v1/credential?assumeRole)");
    Console.WriteLine($"  data:              {(arguments.Data is null ? "in memory" : Path.GetFullPath(arguments.Data))}");
    Console.WriteLine("Press Ctrl+C to stop.");

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopped.");
    }
}

return 0;
