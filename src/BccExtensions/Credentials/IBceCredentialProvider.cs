namespace BccExtensions;

/// <summary>Supplies the credentials that sign each request attempt.</summary>
/// <remarks>
/// Called once per attempt, so implementations must be fast when they already hold valid credentials and
/// thread-safe. Rotating providers return new credentials as soon as they have them.
/// </remarks>
public interface IBceCredentialProvider
{
    /// <summary>Gets the credentials to sign the next request with.</summary>
    /// <param name="cancellationToken">Cancels waiting for credentials.</param>
    /// <returns>Credentials that are valid now.</returns>
    /// <exception cref="BceCredentialException">No valid credentials can be had.</exception>
    ValueTask<BceCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
