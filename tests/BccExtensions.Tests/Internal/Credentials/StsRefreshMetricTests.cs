using BccExtensions.Internal.Credentials;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Internal.Credentials;

/// <summary>STS refreshes are counted by outcome. Alone in its collection: the counter is process-wide.</summary>
[Collection(nameof(StsRefreshMetricTests))]
[CollectionDefinition(nameof(StsRefreshMetricTests), DisableParallelization = true)]
public sealed class StsRefreshMetricTests
{
    [Fact]
    public async Task Refreshes_AreCountedByOutcome()
    {
        using var refreshes = new MeasurementRecorder<long>("bcc.client.credential.refreshes", tags => tags.ContainsKey("outcome"));
        var time = new FakeTimeProvider(TestHost.Start);
        var log = new CapturingLoggerProvider();
        int fetches = 0;
        var cache = new StsCredentialCache(
            EmptyOptionsMonitor.Create(),
            string.Empty,
            (_, _) => Interlocked.Increment(ref fetches) == 1
                ? Task.FromResult(new BceCredentials("t1", "temp-sk-0123456789abcdef", "token-t1", time.GetUtcNow().AddMinutes(10)))
                : Task.FromException<BceCredentials>(new HttpRequestException("STS down")),
            time,
            log.CreateLogger("sts"));
        var options = new BccOptions { AccessKeyId = "ak", SecretAccessKey = "sk-0123456789abcdef", Sts = { Enabled = true } };

        await cache.GetCredentialsAsync(options, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        await cache.GetCredentialsAsync(options, CancellationToken.None);
        await FakeClockDriver.WaitUntilAsync(() => log.Entries.Any(e => e.Contains("STS refresh failed", StringComparison.Ordinal)), "the failed refresh");

        Assert.Equal(["1 success", "1 failure"], refreshes.Measurements.Select(m => m.Value + " " + m.Tags["outcome"]));
    }
}
