using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A CDS volume: Creating → Available, attach → InUse, detach → Available.</summary>
internal sealed class EmulatedVolume : EmulatedResource
{
    public required string Name { get; set; }

    public DateTimeOffset? AttachTime { get; set; }

    public required int SizeInGB { get; set; }

    public required string StorageType { get; init; }

    public required string ZoneName { get; init; }

    public required string PaymentTiming { get; set; }

    /// <summary>Gets or sets when a prepaid volume expires.</summary>
    public DateTimeOffset? ExpireTime { get; set; }

    public bool AutoRenew { get; set; }

    public int AutoRenewTime { get; set; }

    public string AutoRenewTimeUnit { get; set; } = string.Empty;

    /// <summary>Gets or sets whether a release is refused (ModifyVolumeDeleteProtectionV2).</summary>
    public bool DeleteProtection { get; set; }

    public bool DeleteWithInstance { get; set; }

    public bool DeleteAutoSnapshot { get; set; }

    public string? AutoSnapshotPolicyId { get; set; }

    public string? EncryptKey { get; init; }

    public string? ClusterId { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public string Description { get; set; } = string.Empty;

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
        ["expireTime"] = ExpireTime is { } expire ? Timestamp(expire) : string.Empty,
        ["enableAutoRenew"] = AutoRenew,
        ["autoRenewTime"] = AutoRenewTime,
        ["enableDeleteProtection"] = DeleteProtection,
        ["deleteWithInstance"] = DeleteWithInstance,
        ["deleteAutoSnapshot"] = DeleteAutoSnapshot,
        ["encrypted"] = EncryptKey is not null,
        ["clusterId"] = ClusterId ?? string.Empty,
        ["tags"] = TagsJson(),
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

    /// <summary>The volume as BCC's v3 API shows it.</summary>
    public JsonObject ToV3Json(int snapshotCount) => new()
    {
        ["volumeId"] = Id,
        ["volumeName"] = Name,
        ["volumeSizeInGB"] = SizeInGB,
        ["volumeStatus"] = Status,
        ["volumeType"] = IsSystem ? "SYSTEM" : "DATA",
        ["storageType"] = StorageType,
        ["createTime"] = Timestamp(CreateTime),
        ["expireTime"] = ExpireTime is { } expire ? Timestamp(expire) : string.Empty,
        ["description"] = Description,
        ["paymentTiming"] = PaymentTiming,
        ["enableAutoRenew"] = AutoRenew,
        ["autoRenewTime"] = AutoRenewTime,
        ["zoneName"] = ZoneName,
        ["sourceSnapshotId"] = SourceSnapshotId ?? string.Empty,
        ["region"] = "bj",
        ["snapshotCount"] = snapshotCount,
        ["autoSnapshotPolicyId"] = AutoSnapshotPolicyId ?? string.Empty,
        ["encrypted"] = EncryptKey is not null,
        ["tags"] = TagsJson(),
        ["volumeAttachments"] = InstanceId is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["instanceId"] = InstanceId, ["device"] = Device, ["attachTime"] = AttachTime is { } at ? Timestamp(at) : string.Empty }),
    };
}
