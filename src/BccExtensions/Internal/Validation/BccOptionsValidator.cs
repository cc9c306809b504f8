using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Validation;

/// <summary>
/// Validates <see cref="BccOptions"/> of one registration. Messages name the configuration key
/// (e.g. <c>Bcc:AccessKeyId</c>) and never contain a secret. With the bound <paramref name="section"/>, keys that bind
/// to nothing are refused too (<see cref="BccConfigurationKeys"/>).
/// </summary>
internal sealed class BccOptionsValidator(string name, string keyPrefix, IConfiguration? section) : IValidateOptions<BccOptions>
{
    /// <summary>Gets the registration name this validator checks.</summary>
    public string Name { get; } = name;

    public ValidateOptionsResult Validate(string? optionsName, BccOptions options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, Name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (section is not null)
        {
            BccConfigurationKeys.Check(section, keyPrefix, failures);
        }

        if (string.IsNullOrWhiteSpace(options.AccessKeyId))
        {
            failures.Add($"{Key(nameof(BccOptions.AccessKeyId))} is required.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretAccessKey))
        {
            failures.Add($"{Key(nameof(BccOptions.SecretAccessKey))} is required.");
        }

        foreach ((string member, string? value) in new[] { (nameof(BccOptions.AccessKeyId), options.AccessKeyId), (nameof(BccOptions.SecretAccessKey), options.SecretAccessKey), (nameof(BccOptions.SessionToken), options.SessionToken) })
        {
            if (!string.IsNullOrWhiteSpace(value) && BceCredentials.FindUnprintable(value) is { } problem)
            {
                failures.Add($"{Key(member)} {problem}.");
            }
        }

        if (options.Endpoint is not null)
        {
            if (!BccEndpoints.TryNormalize(options.Endpoint, out _, out string? problem))
            {
                failures.Add($"{Key(nameof(BccOptions.Endpoint))} {problem}.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{Key(nameof(BccOptions.Region))} or {Key(nameof(BccOptions.Endpoint))} is required.");
        }
        else if (!BccEndpoints.KnownRegions.Contains(options.Region.Trim().ToLowerInvariant()))
        {
            failures.Add($"{Key(nameof(BccOptions.Region))} '{options.Region}' is not a known BCC region ({string.Join(", ", BccEndpoints.KnownRegions)}); set {Key(nameof(BccOptions.Endpoint))} for others.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(BccOptions.ConnectTimeout))} must be positive.");
        }

        if (options.MaxConnectionsPerServer < 1)
        {
            failures.Add($"{Key(nameof(BccOptions.MaxConnectionsPerServer))} must be at least 1.");
        }

        if (options.Signing.ExpirationSeconds <= 0)
        {
            failures.Add($"{Key(nameof(BccOptions.Signing), nameof(BceSigningOptions.ExpirationSeconds))} must be positive.");
        }

        if (options.UserAgent is { } userAgent && userAgent.Any(char.IsControl))
        {
            failures.Add($"{Key(nameof(BccOptions.UserAgent))} must not contain control characters.");
        }

        ValidateResilience(options.Resilience, failures);
        ValidateProxy(options.Proxy, failures);
        if (options.Sts.Enabled && !string.IsNullOrWhiteSpace(options.SessionToken))
        {
            // STS issues its own session token; a configured one would be ignored, which is never what was meant.
            failures.Add($"{Key(nameof(BccOptions.SessionToken))} and {Key(nameof(BccOptions.Sts), nameof(BccStsOptions.Enabled))} contradict each other: STS issues the session token; remove one.");
        }

        ValidateSts(options.Sts, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Names a setting by its configuration key, built from member names so a rename cannot leave it stale.</summary>
    private string Key(params string[] path) => keyPrefix + ":" + string.Join(':', path);

    /// <summary>The standard handler's own rules, checked at startup and named by configuration key.</summary>
    private void ValidateResilience(HttpStandardResilienceOptions resilience, List<string> failures)
    {
        if (new ResilienceOptionsValidator().Validate(null, resilience) is { Failed: true } ranges)
        {
            failures.AddRange(ranges.Failures.Select(failure => $"{Key(nameof(BccOptions.Resilience))}: {failure}"));
        }

        if (resilience.Retry.MaxRetryAttempts < 1)
        {
            failures.Add($"{Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.Retry), nameof(HttpRetryStrategyOptions.MaxRetryAttempts))} must be at least 1; set {Key(nameof(BccOptions.DisableRetries))} to turn retries off.");
        }

        if (resilience.Retry.Delay < TimeSpan.Zero || resilience.Retry.MaxDelay is { } maxDelay && maxDelay < resilience.Retry.Delay)
        {
            failures.Add($"{Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.Retry), nameof(HttpRetryStrategyOptions.Delay))} must not be negative nor above {Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.Retry), nameof(HttpRetryStrategyOptions.MaxDelay))}.");
        }

        TimeSpan attempt = resilience.AttemptTimeout.Timeout;
        TimeSpan total = resilience.TotalRequestTimeout.Timeout;
        if (attempt <= TimeSpan.Zero || total <= TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.AttemptTimeout), nameof(HttpTimeoutStrategyOptions.Timeout))} and {Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.TotalRequestTimeout), nameof(HttpTimeoutStrategyOptions.Timeout))} must be positive.");
        }
        else if (attempt > total)
        {
            failures.Add($"{Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.AttemptTimeout), nameof(HttpTimeoutStrategyOptions.Timeout))} must not exceed {Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.TotalRequestTimeout), nameof(HttpTimeoutStrategyOptions.Timeout))}.");
        }

        // The concurrency limiter's own limits carry no annotations; the limiter would refuse them only when first built.
        if (resilience.RateLimiter.DefaultRateLimiterOptions is { PermitLimit: < 1 } or { QueueLimit: < 0 })
        {
            failures.Add($"{Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.RateLimiter), nameof(HttpRateLimiterStrategyOptions.DefaultRateLimiterOptions), nameof(ConcurrencyLimiterOptions.PermitLimit))} must be at least 1 and {Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.RateLimiter), nameof(HttpRateLimiterStrategyOptions.DefaultRateLimiterOptions), nameof(ConcurrencyLimiterOptions.QueueLimit))} not negative.");
        }

        if (resilience.CircuitBreaker.SamplingDuration < 2 * attempt)
        {
            failures.Add($"{Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.CircuitBreaker), nameof(HttpCircuitBreakerStrategyOptions.SamplingDuration))} must be at least twice {Key(nameof(BccOptions.Resilience), nameof(HttpStandardResilienceOptions.AttemptTimeout), nameof(HttpTimeoutStrategyOptions.Timeout))}.");
        }
    }

    private void ValidateProxy(BccProxyOptions proxy, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(proxy.Address))
        {
            if (!string.IsNullOrEmpty(proxy.Username) || !string.IsNullOrEmpty(proxy.Password))
            {
                failures.Add($"{Key(nameof(BccOptions.Proxy), nameof(BccProxyOptions.Address))} is required when proxy credentials are set.");
            }

            return;
        }

        if (BccProxyAddress.Parse(proxy.Address) is null)
        {
            failures.Add($"{Key(nameof(BccOptions.Proxy), nameof(BccProxyOptions.Address))} must be an http(s) URI or host:port.");
        }

        if (string.IsNullOrEmpty(proxy.Username) != string.IsNullOrEmpty(proxy.Password))
        {
            failures.Add($"{Key(nameof(BccOptions.Proxy), nameof(BccProxyOptions.Username))} and {Key(nameof(BccOptions.Proxy), nameof(BccProxyOptions.Password))} must be set together.");
        }
    }

    private void ValidateSts(BccStsOptions sts, List<string> failures)
    {
        if (!sts.Enabled)
        {
            return;
        }

        if (!sts.Endpoint.IsAbsoluteUri || (sts.Endpoint.Scheme != Uri.UriSchemeHttp && sts.Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Key(nameof(BccOptions.Sts), nameof(BccStsOptions.Endpoint))} must be an absolute http or https URI.");
        }
        else if (sts.Endpoint.UserInfo.Length > 0)
        {
            failures.Add($"{Key(nameof(BccOptions.Sts), nameof(BccStsOptions.Endpoint))} must not carry user info: a user name or password in a URL ends up in logs and exception messages.");
        }

        if (string.IsNullOrWhiteSpace(sts.AccountId) != string.IsNullOrWhiteSpace(sts.RoleName))
        {
            failures.Add($"{Key(nameof(BccOptions.Sts), nameof(BccStsOptions.AccountId))} and {Key(nameof(BccOptions.Sts), nameof(BccStsOptions.RoleName))} must be set together (AssumeRole).");
        }

        if (sts.DurationSeconds < 0)
        {
            failures.Add($"{Key(nameof(BccOptions.Sts), nameof(BccStsOptions.DurationSeconds))} must not be negative.");
        }

        if (sts.RefreshBefore < TimeSpan.Zero)
        {
            failures.Add($"{Key(nameof(BccOptions.Sts), nameof(BccStsOptions.RefreshBefore))} must not be negative.");
        }
        else if (sts.RefreshBefore >= TimeSpan.FromSeconds(sts.EffectiveDurationSeconds))
        {
            failures.Add($"{Key(nameof(BccOptions.Sts), nameof(BccStsOptions.RefreshBefore))} must be shorter than the credential lifetime ({sts.EffectiveDurationSeconds} s).");
        }
    }
}
