using System.Net;
using BccExtensions.Tests.Helpers;
using Xunit.Abstractions;

namespace BccExtensions.Tests.Reliability;

/// <summary>Rotating credentials under load, STS outages, skewed clocks and key reloads.</summary>
public sealed class CredentialAndClockTests(ITestOutputHelper output)
{
    private static Dictionary<string, string?> Sts() => new()
    {
        ["Bcc:Sts:Enabled"] = "true",
        ["Bcc:Sts:DurationSeconds"] = "120",
        ["Bcc:Sts:RefreshBefore"] = "00:00:30",
    };

    [Fact]
    public async Task Rotation_SixtyFourWorkersOverSeveralRotations_NoAuthFailureAndOneStsCallPerRotation()
    {
        await using EmulatorHost host = await StartWithStsAsync();
        const int Workers = 64;
        const int Rotations = 4;
        int calls = 0;

        for (int rotation = 0; rotation < Rotations; rotation++)
        {
            // Fresh credentials, then inside the refresh window, then (once the refresh landed) fresh again.
            await RunWorkersAsync(host, Workers, () => Interlocked.Increment(ref calls));
            host.Time.Advance(TimeSpan.FromSeconds(95));
            await RunWorkersAsync(host, Workers, () => Interlocked.Increment(ref calls));
            int expected = rotation + 2;
            await FakeClockDriver.WaitUntilAsync(() => StsCalls(host) >= expected, "the background refresh");
            host.Time.Advance(TimeSpan.FromSeconds(5));
        }

        int stsCalls = StsCalls(host);
        Assert.Equal(Workers * 2 * Rotations, calls);
        Assert.Equal(Rotations + 1, stsCalls);
        output.WriteLine($"{Workers} workers, {Rotations} rotations: {calls} BCC calls, 0 failures, {stsCalls} STS calls");
    }

    [Fact]
    public async Task StsOutage_ValidCredentialsKeepWorking_ExpiredFailsClearly_RecoveryWithoutRestart()
    {
        await using EmulatorHost host = await StartWithStsAsync();
        await host.Client.Zones.ListAsync();
        host.Emulator.Faults.FailNext(1000, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", pathPrefix: "/v1/sessionToken");

        host.Time.Advance(TimeSpan.FromSeconds(100));
        for (int i = 0; i < 5; i++)
        {
            await host.Client.Zones.ListAsync();
            host.Time.Advance(TimeSpan.FromSeconds(3));
        }

        host.Time.Advance(TimeSpan.FromSeconds(10));
        BceCredentialException expired = await Assert.ThrowsAsync<BceCredentialException>(() => host.RunAsync(host.Client.Zones.ListAsync()));
        int bccCallsBeforeRecovery = host.Emulator.Journal.Count(r => r.Path == "/v2/zone");
        host.Emulator.Faults.Clear();
        host.Time.Advance(TimeSpan.FromSeconds(31));
        IReadOnlyList<BccZone> recovered = await host.RunAsync(host.Client.Zones.ListAsync());

        Assert.Equal(6, bccCallsBeforeRecovery);
        Assert.Contains("STS", expired.Message, StringComparison.Ordinal);
        Assert.Equal(5, recovered.Count);
        output.WriteLine($"STS outage: {bccCallsBeforeRecovery - 1} calls served on valid credentials, then BceCredentialException, then recovery");
    }

    [Theory]
    [InlineData(-20, 1800)]
    [InlineData(20, 600)]
    public async Task ServerClockSkewed_FirstCallCorrects_LaterCallsNeedNoCorrection(int skewMinutes, int expirationSeconds)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["Bcc:Signing:ExpirationSeconds"] = expirationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        host.Emulator.Faults.ClockOffset = TimeSpan.FromMinutes(skewMinutes);

        for (int i = 0; i < 5; i++)
        {
            await host.Client.Zones.ListAsync();
        }

        Assert.Equal(6, host.Emulator.Journal.Count);
        string corrected = host.Time.GetUtcNow().AddMinutes(skewMinutes).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(host.Emulator.Journal.Skip(1), r => Assert.Equal(corrected, r.Headers["x-bce-date"]));
        output.WriteLine($"skew {skewMinutes:+0;-0} min: 1 RequestExpired, 5 calls, 6 requests");
    }

    [Fact]
    public async Task OptionsReload_NewSecretKey_SwitchesSigningWithoutRestart()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(
            new Dictionary<string, string?> { ["Bcc:SecretAccessKey"] = "outdated-secret-0123456789abcdef" },
            emulator => emulator.AdditionalKeys["second-ak"] = "second-secret-0123456789abcdef");

        BccServiceException refused = await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Zones.ListAsync());
        host.Configuration["Bcc:SecretAccessKey"] = host.Emulator.SecretAccessKey;
        host.Configuration.Reload();
        IReadOnlyList<BccZone> withFixedKey = await host.Client.Zones.ListAsync();
        host.Configuration["Bcc:AccessKeyId"] = "second-ak";
        host.Configuration["Bcc:SecretAccessKey"] = "second-secret-0123456789abcdef";
        host.Configuration.Reload();
        IReadOnlyList<BccZone> withSecondKey = await host.Client.Zones.ListAsync();

        Assert.Equal(BccErrorCodes.SignatureDoesNotMatch, refused.ErrorCode);
        Assert.Equal(5, withFixedKey.Count);
        Assert.Equal(5, withSecondKey.Count);
    }

    private static async Task<EmulatorHost> StartWithStsAsync()
    {
        EmulatorHost host = await EmulatorHost.StartAsync(Sts());
        host.Configuration["Bcc:Sts:Endpoint"] = host.Emulator.Endpoint.ToString();
        host.Configuration.Reload();
        return host;
    }

    private static int StsCalls(EmulatorHost host) => host.Emulator.Journal.Count(r => r.Path == "/v1/sessionToken");

    private static Task RunWorkersAsync(EmulatorHost host, int workers, Action done) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await host.Client.Zones.ListAsync();
            done();
        })));
}
