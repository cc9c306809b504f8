using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A security group and its rules (each rule is the JSON object the client sent, plus ids).</summary>
internal sealed class EmulatedSecurityGroup : EmulatedResource
{
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public required string VpcId { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public long Version { get; set; } = 1;

    public List<JsonObject> Rules { get; init; } = [];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["vpcId"] = VpcId,
        ["desc"] = Description,
        ["createdTime"] = Timestamp(CreateTime),
        ["sgVersion"] = Version,
        ["rules"] = new JsonArray(Rules.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        ["tags"] = new JsonArray(),
    };
}
