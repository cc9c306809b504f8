using BccExtensions.Internal.Http;
using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Credentials;

/// <summary>The configured AK/SK (and session token) of one registration, following configuration reloads.</summary>
internal sealed class BccLongTermCredentialProvider(IOptionsMonitor<BccOptions> optionsMonitor, string name) : IBceCredentialProvider
{
    private readonly BccOptionsCache<BceCredentials> _credentials = new(optionsMonitor, name, options => new BceCredentials(
        options.AccessKeyId ?? throw new BceCredentialException("No access key id is configured."),
        options.SecretAccessKey ?? throw new BceCredentialException("No secret access key is configured."),
        options.SessionToken));

    public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_credentials.Current);

    /// <summary>Gets the credentials of an options instance, built once per instance.</summary>
    public BceCredentials For(BccOptions options) => _credentials.For(options);
}
