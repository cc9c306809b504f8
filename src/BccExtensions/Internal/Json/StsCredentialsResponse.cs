namespace BccExtensions.Internal.Json;

/// <summary>STS GetSessionToken and AssumeRole: the temporary keys.</summary>
internal sealed class StsCredentialsResponse
{
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? Expiration { get; init; }
}
