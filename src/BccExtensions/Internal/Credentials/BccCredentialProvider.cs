using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Credentials;

/// <summary>
/// The credentials BCC calls of one registration are signed with: rotating STS credentials when
/// <see cref="BccStsOptions.Enabled"/>, the configured keys otherwise. Decided per call, so reloads apply.
/// </summary>
internal sealed class BccCredentialProvider(
    IOptionsMonitor<BccOptions> optionsMonitor,
    string name,
    BccLongTermCredentialProvider longTerm,
    StsCredentialCache sts) : IBceCredentialProvider
{
    public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        BccOptions options = optionsMonitor.Get(name);
        return options.Sts.Enabled
            ? sts.GetCredentialsAsync(options, cancellationToken)
            : ValueTask.FromResult(longTerm.For(options));
    }
}
