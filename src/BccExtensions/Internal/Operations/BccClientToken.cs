namespace BccExtensions.Internal.Operations;

/// <summary>Idempotency tokens: the caller's, checked, or a new UUID.</summary>
internal static class BccClientToken
{
    /// <summary>The service's limit for a clientToken.</summary>
    public const int MaxLength = 64;

    /// <exception cref="ArgumentException">The caller's token is empty, longer than 64 characters or not printable ASCII.</exception>
    public static string OrNew(string? clientToken)
    {
        if (clientToken is null)
        {
            return Guid.NewGuid().ToString();
        }

        if (clientToken.Length is 0 or > MaxLength || clientToken.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException($"A clientToken must be 1–{MaxLength} printable ASCII characters.", nameof(clientToken));
        }

        return clientToken;
    }
}
