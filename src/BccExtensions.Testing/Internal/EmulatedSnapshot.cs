using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A volume snapshot: Creating → Available.</summary>
internal sealed class EmulatedSnapshot : EmulatedResource
{
    public required string Name { get; init; }

    public required string VolumeId { get; init; }

    public required int SizeInGB { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public string Description { get; init; } = string.Empty;

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
        ["expireTime"] = string.Empty,
        ["progress"] = Status == "Available" ? "100" : "0",
    };
}
