using BccExtensions.Internal.Credentials;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Internal.Credentials;

public class StsCredentialCacheTests
{
    private readonly FakeTimeProvider _time = new(TestHost.Start);
    private readonly BccOptions _options = new()
    {
        AccessKeyId = "long-ak",
        SecretAccessKey = "long-sk-0123456789abcdef",
        Sts = { Enabled = true, RefreshBefore = TimeSpan.FromMinutes(5) },
    };

    private readonly CapturingLoggerProvider _log = new();
    private int _fetches;

    [Fact]
    public async Task GetCredentialsAsync_Fresh_ReturnsCachedWithoutCallingSts()
    {
        StsCredentialCache cache = Create(_ => Task.FromResult(Temporary("t1", TimeSpan.FromHours(1))));

        BceCredentials first = await cache.GetCredentialsAsync(_options, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(50));
        BceCredentials second = await cache.GetCredentialsAsync(_options, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetCredentialsAsync_InsideRefreshWindow_ServesCurrentAndRefreshesInBackground()
    {
        var next = new TaskCompletionSource<BceCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        StsCredentialCache cache = Create(n => n == 1 ? Task.FromResult(Temporary("t1", TimeSpan.FromHours(1))) : next.Task);
        BceCredentials first = await cache.GetCredentialsAsync(_options, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(56));
        BceCredentials during = await cache.GetCredentialsAsync(_options, CancellationToken.None);
        await FakeClockDriver.WaitUntilAsync(() => _fetches == 2, "the background refresh");
        BceCredentials stillDuring = await cache.GetCredentialsAsync(_options, CancellationToken.None);
        next.SetResult(Temporary("t2", TimeSpan.FromHours(2)));
        await FakeClockDriver.WaitUntilAsync(() => cache.GetCredentialsAsync(_options, CancellationToken.None).AsTask().Result.AccessKeyId == "t2", "the new credentials");

        Assert.Same(first, during);
        Assert.Same(first, stillDuring);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task GetCredentialsAsync_HundredConcurrentCallers_ShareOneStsCall()
    {
        var gate = new TaskCompletionSource<BceCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        StsCredentialCache cache = Create(_ => gate.Task);

        Task<BceCredentials>[] callers = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(async () => await cache.GetCredentialsAsync(_options, CancellationToken.None)))
            .ToArray();
        await FakeClockDriver.WaitUntilAsync(() => _fetches >= 1, "the STS call");
        gate.SetResult(Temporary("t1", TimeSpan.FromHours(1)));
        BceCredentials[] results = await Task.WhenAll(callers);

        Assert.Equal(1, _fetches);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task GetCredentialsAsync_OutageWhileValid_KeepsServingAndBacksOff()
    {
        StsCredentialCache cache = Create(n => n == 1 ? Task.FromResult(Temporary("t1", TimeSpan.FromHours(1))) : Task.FromException<BceCredentials>(new HttpRequestException("STS down")));
        BceCredentials first = await cache.GetCredentialsAsync(_options, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));

        Assert.Same(first, await cache.GetCredentialsAsync(_options, CancellationToken.None));
        await FakeClockDriver.WaitUntilAsync(() => _fetches == 2, "the failed refresh");

        // The failure is recorded (and its back-off starts) on the refresh's thread after the fetch fails; the clock may
        // only move once it has been, or the back-off would start after the advance. Its log line marks that moment.
        await FakeClockDriver.WaitUntilAsync(() => _log.Entries.Any(e => e.Contains("STS refresh failed", StringComparison.Ordinal)), "the failure recorded");
        Assert.Same(first, await cache.GetCredentialsAsync(_options, CancellationToken.None));
        int afterFirstFailure = _fetches;
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Same(first, await cache.GetCredentialsAsync(_options, CancellationToken.None));

        await FakeClockDriver.WaitUntilAsync(() => _fetches == afterFirstFailure + 1, "the retried refresh after back-off");
    }

    [Fact]
    public async Task GetCredentialsAsync_ExpiredDuringOutage_FailsClearlyThenRecovers()
    {
        bool stsUp = true;
        StsCredentialCache cache = Create(n => stsUp
            ? Task.FromResult(Temporary("t" + n, TimeSpan.FromHours(1)))
            : Task.FromException<BceCredentials>(new HttpRequestException("STS down")));
        await cache.GetCredentialsAsync(_options, CancellationToken.None);
        stsUp = false;
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        BceCredentialException first = await Assert.ThrowsAsync<BceCredentialException>(async () => await cache.GetCredentialsAsync(_options, CancellationToken.None));
        BceCredentialException during = await Assert.ThrowsAsync<BceCredentialException>(async () => await cache.GetCredentialsAsync(_options, CancellationToken.None));
        int fetchesDuringBackoff = _fetches;
        stsUp = true;
        _time.Advance(TimeSpan.FromSeconds(31));
        BceCredentials recovered = await cache.GetCredentialsAsync(_options, CancellationToken.None);

        Assert.Contains("STS down", first.Message, StringComparison.Ordinal);
        Assert.Contains("next attempt", during.Message, StringComparison.Ordinal);
        Assert.Equal(2, fetchesDuringBackoff);
        Assert.StartsWith("t", recovered.AccessKeyId, StringComparison.Ordinal);
        Assert.DoesNotContain(_options.SecretAccessKey!, first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentialsAsync_StsDownFromTheStart_BacksOffInsteadOfCallingOnEveryRequest()
    {
        StsCredentialCache cache = Create(_ => Task.FromException<BceCredentials>(new HttpRequestException("STS down")));

        for (int i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<BceCredentialException>(async () => await cache.GetCredentialsAsync(_options, CancellationToken.None));
        }

        int duringBackoff = _fetches;
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<BceCredentialException>(async () => await cache.GetCredentialsAsync(_options, CancellationToken.None));

        Assert.Equal(1, duringBackoff);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task GetCredentialsAsync_LongTermKeyChanged_FetchesAgain()
    {
        StsCredentialCache cache = Create(n => Task.FromResult(Temporary("t" + n, TimeSpan.FromHours(1))));
        BceCredentials first = await cache.GetCredentialsAsync(_options, CancellationToken.None);

        var rotated = new BccOptions { AccessKeyId = "long-ak", SecretAccessKey = "rotated-sk-0123456789", Sts = _options.Sts };
        BceCredentials second = await cache.GetCredentialsAsync(rotated, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Equal(2, _fetches);
    }

    private BceCredentials Temporary(string ak, TimeSpan lifetime) =>
        new(ak, "temp-sk-0123456789abcdef", "token-" + ak, _time.GetUtcNow() + lifetime);

    private StsCredentialCache Create(Func<int, Task<BceCredentials>> fetch) =>
        new(EmptyOptionsMonitor.Create(), string.Empty, (_, _) => fetch(Interlocked.Increment(ref _fetches)), _time, _log.CreateLogger("sts"));
}
