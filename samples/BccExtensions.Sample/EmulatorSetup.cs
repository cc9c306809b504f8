using System.Globalization;
using BccExtensions.Models;
using BccExtensions.Testing;

namespace BccExtensions.Sample;

/// <summary>Starts the in-process emulator and points the Bcc configuration section at it.</summary>
internal static class EmulatorSetup
{
    public static async Task<BccEmulator> StartAsync(ConfigurationManager configuration)
    {
        BccEmulator emulator = await BccEmulator.StartAsync();
        emulator.SeedInstance("web-1");
        emulator.SeedInstance("web-2", zoneName: "cn-bj-b");
        emulator.SeedInstance("batch-1", spec: "bcc.c5.c4m8", status: InstanceStatus.Stopped);

        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bcc:Endpoint"] = emulator.Endpoint.ToString(),
            ["Bcc:AccessKeyId"] = emulator.AccessKeyId,
            ["Bcc:SecretAccessKey"] = emulator.SecretAccessKey,
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Using the in-process BCC emulator at {emulator.Endpoint} (3 seeded instances)."));
        return emulator;
    }
}
