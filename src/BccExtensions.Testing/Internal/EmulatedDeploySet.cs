using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A deployment set (placement strategy HOST_HA, RACK_HA or TOR_HA).</summary>
internal sealed class EmulatedDeploySet : EmulatedResource
{
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    public required string Strategy { get; init; }

    public int Concurrency { get; init; } = 1;

    public JsonObject ToJson(IReadOnlyList<EmulatedInstance> members) => new()
    {
        ["deploysetId"] = Id,
        ["shortId"] = Id,
        ["name"] = Name,
        ["desc"] = Description,
        ["strategy"] = Strategy,
        ["concurrency"] = Concurrency,
        ["instanceCount"] = members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["azIntstanceStatisList"] = new JsonArray(members.GroupBy(m => m.ZoneName).Select(g => (JsonNode)new JsonObject
        {
            ["zoneName"] = g.Key,
            ["instanceCount"] = g.Count(),
            ["instanceTotal"] = g.Count(),
            ["bccInstanceCnt"] = g.Count(),
            ["bbcInstanceCnt"] = 0,
            ["instanceIds"] = new JsonArray(g.Select(m => (JsonNode)m.Id).ToArray()),
        }).ToArray()),
    };
}
