using BccExtensions.Internal.Http;
using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Credentials;

/// <summary>The configured AK/SK (and session token) of one registration, following configuration reloads.</summary>
internal sealed class BccLongTermCredentialProvider(IOptionsMonitor<BccOptions> optionsMonitor, string name) : IBceCredentialProvider
{
    // The options validator requires both keys for every options instance the monitor hands out (at start and on
    // each reload), so they are present here; BceCredentials checks what it is given once more.
    private readonly BccOptionsCache<BceCredentials> _credentials = new(optionsMonitor, name, options => new BceCredentials(
        options.AccessKeyId!, options.SecretAccessKey!, options.SessionToken));

    public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_credentials.Current);

    /// <summary>Gets the credentials of an options instance, built once per instance.</summary>
    public BceCredentials For(BccOptions options) => _credentials.For(options);
}
