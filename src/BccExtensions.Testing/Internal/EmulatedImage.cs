using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>An image: system images are seeded; custom ones go Creating → Available.</summary>
internal sealed class EmulatedImage : EmulatedResource
{
    public required string Name { get; set; }

    public required string Type { get; init; }

    public required string OsName { get; init; }

    public string OsVersion { get; init; } = string.Empty;

    public required DateTimeOffset CreateTime { get; init; }

    public string? SourceInstanceId { get; init; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["type"] = Type,
        ["osType"] = OsName.StartsWith("Windows", StringComparison.Ordinal) ? "windows" : "linux",
        ["osName"] = OsName,
        ["osVersion"] = OsVersion,
        ["osArch"] = "x86_64 (64bit)",
        ["osLang"] = "ENG",
        ["createTime"] = Timestamp(CreateTime),
        ["status"] = Status,
        ["desc"] = string.Empty,
        ["minDiskGb"] = 20,
    };
}
