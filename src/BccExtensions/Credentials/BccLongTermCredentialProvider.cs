using Microsoft.Extensions.Options;

namespace BccExtensions.Internal;

/// <summary>The configured AK/SK (and session token) of one registration, following configuration reloads.</summary>
internal sealed class BccLongTermCredentialProvider(IOptionsMonitor<BccOptions> optionsMonitor, string name) : IBceCredentialProvider
{
    private (BccOptions Options, BceCredentials Credentials)? _cached;

    public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(For(optionsMonitor.Get(name)));

    /// <summary>Gets the credentials of an options instance, built once per instance.</summary>
    public BceCredentials For(BccOptions options)
    {
        if (_cached is { } cached && ReferenceEquals(cached.Options, options))
        {
            return cached.Credentials;
        }

        var credentials = new BceCredentials(
            options.AccessKeyId ?? throw new BceCredentialException("No access key id is configured."),
            options.SecretAccessKey ?? throw new BceCredentialException("No secret access key is configured."),
            options.SessionToken);
        _cached = (options, credentials);
        return credentials;
    }
}
