using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A CDS volume: Creating → Available, attach → InUse, detach → Available.</summary>
internal sealed class EmulatedVolume : EmulatedResource
{
    public required string Name { get; set; }

    public required int SizeInGB { get; set; }

    public required string StorageType { get; init; }

    public required string ZoneName { get; init; }

    public required string PaymentTiming { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public string Description { get; init; } = string.Empty;

    public string? SourceSnapshotId { get; init; }

    public bool IsSystem { get; init; }

    public string? InstanceId { get; set; }

    public string? Device { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["diskSizeInGB"] = SizeInGB,
        ["paymentTiming"] = PaymentTiming,
        ["createTime"] = Timestamp(CreateTime),
        ["expireTime"] = string.Empty,
        ["status"] = Status,
        ["type"] = IsSystem ? "System" : "Cds",
        ["storageType"] = StorageType,
        ["isSystemVolume"] = IsSystem,
        ["desc"] = Description,
        ["description"] = Description,
        ["zoneName"] = ZoneName,
        ["regionId"] = "bj",
        ["sourceSnapshotId"] = SourceSnapshotId ?? string.Empty,
        ["snapshotNum"] = "0",
        ["attachments"] = InstanceId is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["volumeId"] = Id, ["instanceId"] = InstanceId, ["device"] = Device, ["serial"] = Id }),
    };
}
