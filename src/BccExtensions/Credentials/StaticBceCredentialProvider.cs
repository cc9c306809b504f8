namespace BccExtensions;

/// <summary>Supplies one fixed set of credentials (long-term AK/SK, optionally with a session token).</summary>
public sealed class StaticBceCredentialProvider : IBceCredentialProvider
{
    private readonly BceCredentials _credentials;

    /// <summary>Creates a provider for fixed credentials.</summary>
    /// <param name="credentials">The credentials.</param>
    public StaticBceCredentialProvider(BceCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc />
    public ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_credentials);
}
