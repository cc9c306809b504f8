using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A volume snapshot: Creating → Available.</summary>
internal sealed class EmulatedSnapshot : EmulatedResource
{
    public required string Name { get; set; }

    public required string VolumeId { get; init; }

    public required int SizeInGB { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets when the snapshot is deleted on its own (a retention set by ModifySnapshotAttribute), or <see langword="null"/> to keep it.</summary>
    public DateTimeOffset? ExpireTime { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["sizeInGB"] = SizeInGB,
        ["createTime"] = Timestamp(CreateTime),
        ["status"] = Status,
        ["createMethod"] = "manual",
        ["volumeId"] = VolumeId,
        ["desc"] = Description,
        ["expireTime"] = ExpireTime is { } at ? Timestamp(at) : string.Empty,
        ["progress"] = Status == "Available" ? "100" : "0",
        ["tags"] = TagsJson(),
    };
}
