using System.Security.Cryptography;
using System.Text;
using BccExtensions.Internal.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Credentials;

/// <summary>
/// Holds rotating STS credentials. Fresh credentials are returned at once; inside the refresh window the current
/// ones are returned while one background refresh runs; without valid credentials callers share one refresh.
/// A failed refresh is retried with exponential back-off (1 s doubling to 30 s) while the current credentials
/// stay in use; once they expire, callers get a <see cref="BceCredentialException"/> until STS answers again.
/// </summary>
internal sealed class StsCredentialCache(
    IOptionsMonitor<BccOptions> optionsMonitor,
    string name,
    Func<BccOptions, CancellationToken, Task<BceCredentials>> fetch,
    TimeProvider timeProvider,
    ILogger logger)
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();

    // What the credentials come from, once per options instance: this runs on every request attempt.
    private readonly BccOptionsCache<string> _sources = new(optionsMonitor, name, SourceOf);

    private BceCredentials? _current;
    private string? _currentSource;
    private Task<BceCredentials>? _refresh;
    private string? _refreshSource;
    private int _failures;
    private DateTimeOffset _nextAttempt;
    private Exception? _lastFailure;
    private string? _lastFailureSource;

    public ValueTask<BceCredentials> GetCredentialsAsync(BccOptions options, CancellationToken cancellationToken)
    {
        string source = _sources.For(options);
        DateTimeOffset now = timeProvider.GetUtcNow();
        Task<BceCredentials> refresh;
        lock (_gate)
        {
            BceCredentials? current = _currentSource == source ? _current : null;
            if (current?.Expiration is { } expiration && now < expiration)
            {
                if (now >= expiration - options.Sts.RefreshBefore && _refresh is null && now >= _nextAttempt)
                {
                    StartRefresh(options, source);
                }

                return ValueTask.FromResult(current);
            }

            if (_refresh is null || _refreshSource != source)
            {
                // Back off after a failure with these same keys, also before any credentials were ever obtained.
                if (now < _nextAttempt && _lastFailure is not null && _lastFailureSource == source)
                {
                    throw new BceCredentialException(
                        $"STS credentials are unavailable: the last refresh failed ({_lastFailure.Message}); next attempt after {_nextAttempt:O}.",
                        _lastFailure);
                }

                StartRefresh(options, source);
            }

            refresh = _refresh!;
        }

        return new ValueTask<BceCredentials>(refresh.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Identifies what the credentials were obtained with, so a key or role change forces a refresh. A digest, so the
    /// secret access key is not kept in a second string.
    /// </summary>
    private static string SourceOf(BccOptions options)
    {
        string source = string.Join('\n', options.AccessKeyId, options.SecretAccessKey, options.Sts.Endpoint, options.Sts.AccountId, options.Sts.RoleName, options.Sts.UserId);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    private void StartRefresh(BccOptions options, string source)
    {
        _refreshSource = source;
        _refresh = Task.Run(() => RefreshAsync(options, source));
    }

    private async Task<BceCredentials> RefreshAsync(BccOptions options, string source)
    {
        try
        {
            BceCredentials credentials = await fetch(options, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _current = credentials;
                _currentSource = source;
                _failures = 0;
                _lastFailure = null;
                _nextAttempt = DateTimeOffset.MinValue;
                if (_refreshSource == source)
                {
                    _refresh = null;
                }
            }

            BccInstruments.CredentialRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            StsLog.StsCredentialsRefreshed(logger, credentials.AccessKeyId, credentials.Expiration);
            return credentials;
        }
        catch (Exception exception) when (exception is not BceCredentialException)
        {
            TimeSpan backoff;
            BceCredentials? current;
            lock (_gate)
            {
                _failures++;
                backoff = TimeSpan.FromTicks(Math.Min(s_maxBackoff.Ticks, s_firstBackoff.Ticks << Math.Min(_failures - 1, 16)));
                _nextAttempt = timeProvider.GetUtcNow() + backoff;
                _lastFailure = exception;
                _lastFailureSource = source;
                if (_refreshSource == source)
                {
                    _refresh = null;
                }

                current = _currentSource == source ? _current : null;
            }

            BccInstruments.CredentialRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            StsLog.StsRefreshFailed(logger, exception, current?.Expiration, backoff);
            throw new BceCredentialException($"Could not obtain STS credentials from {options.Sts.Endpoint}: {exception.Message}", exception);
        }
    }
}
