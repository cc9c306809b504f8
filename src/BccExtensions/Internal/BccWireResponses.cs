namespace BccExtensions.Internal;

/// <summary>ListInstances: <c>{marker, isTruncated, nextMarker, maxKeys, instances}</c>.</summary>
internal sealed class ListInstancesResponse
{
    public string? Marker { get; init; }

    public bool IsTruncated { get; init; }

    public string? NextMarker { get; init; }

    public int MaxKeys { get; init; }

    public IReadOnlyList<BccInstance> Instances { get; init; } = [];
}

/// <summary>GetInstance: <c>{instance}</c>.</summary>
internal sealed class GetInstanceResponse
{
    public BccInstance? Instance { get; init; }
}

/// <summary>ListZones: <c>{zones}</c>.</summary>
internal sealed class ListZonesResponse
{
    public IReadOnlyList<BccZone> Zones { get; init; } = [];
}

/// <summary>STS GetSessionToken and AssumeRole: the temporary keys.</summary>
internal sealed class StsCredentialsResponse
{
    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? Expiration { get; init; }
}
