using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>An image: system images are seeded; custom ones go Creating → Available.</summary>
internal sealed class EmulatedImage : EmulatedResource
{
    public required string Name { get; set; }

    public required string Type { get; init; }

    public required string OsName { get; init; }

    public string OsVersion { get; init; } = string.Empty;

    /// <summary>Gets or sets the accounts the image is shared with: <c>{account, accountId}</c> as ShareImage named them.</summary>
    public List<JsonObject> SharedWith { get; set; } = [];

    public string OsType => OsName.StartsWith("Windows", StringComparison.Ordinal) ? "windows" : "linux";

    public required DateTimeOffset CreateTime { get; init; }

    public string? SourceInstanceId { get; init; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["type"] = Type,
        ["osType"] = OsType,
        ["osName"] = OsName,
        ["osVersion"] = OsVersion,
        ["osArch"] = "x86_64 (64bit)",
        ["osLang"] = "ENG",
        ["createTime"] = Timestamp(CreateTime),
        ["status"] = Status,
        ["desc"] = string.Empty,
        ["minDiskGb"] = 20,
    };

    /// <summary>The image as the images-by-spec list holds it.</summary>
    public JsonObject ToSystemJson() => new()
    {
        ["imageId"] = Id,
        ["imageName"] = Name,
        ["osType"] = OsType,
        ["osVersion"] = OsVersion,
        ["osArch"] = "x86_64 (64bit)",
        ["osName"] = OsName,
        ["osLang"] = "ENG",
        ["minSizeInGiB"] = 20,
    };
}
