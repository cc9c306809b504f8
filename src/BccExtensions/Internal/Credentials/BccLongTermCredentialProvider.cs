using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Credentials;

/// <summary>The configured AK/SK (and session token) of one registration, following configuration reloads.</summary>
internal sealed class BccLongTermCredentialProvider(IOptionsMonitor<BccOptions> optionsMonitor, string name) : IBceCredentialProvider
{
    // One reference, swapped whole: a reload racing with a call never pairs one options instance with another's keys.
    private Cached? _cached;

    public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(For(optionsMonitor.Get(name)));

    /// <summary>Gets the credentials of an options instance, built once per instance.</summary>
    public BceCredentials For(BccOptions options)
    {
        Cached? cached = Volatile.Read(ref _cached);
        if (cached is not null && ReferenceEquals(cached.Options, options))
        {
            return cached.Credentials;
        }

        var credentials = new BceCredentials(
            options.AccessKeyId ?? throw new BceCredentialException("No access key id is configured."),
            options.SecretAccessKey ?? throw new BceCredentialException("No secret access key is configured."),
            options.SessionToken);
        Volatile.Write(ref _cached, new Cached(options, credentials));
        return credentials;
    }

    private sealed class Cached(BccOptions options, BceCredentials credentials)
    {
        public BccOptions Options { get; } = options;

        public BceCredentials Credentials { get; } = credentials;
    }
}
