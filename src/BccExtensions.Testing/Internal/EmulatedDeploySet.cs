using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>A deployment set (placement strategy HOST_HA, RACK_HA or TOR_HA).</summary>
internal sealed class EmulatedDeploySet : EmulatedResource
{
    public required string Name { get; set; }

    public string Description { get; set; } = string.Empty;

    public required string Strategy { get; init; }

    public Guid SerialNumber { get; init; } = Guid.NewGuid();

    public int Concurrency { get; init; } = 1;

    /// <summary>The set as <c>ListDeploySet</c> lists it (its id as <c>deploysetId</c>, the count as text).</summary>
    public JsonObject ToListJson(IReadOnlyList<EmulatedInstance> members) => new()
    {
        ["deploysetId"] = Id,
        ["name"] = Name,
        ["desc"] = Description,
        ["strategy"] = Strategy,
        ["concurrency"] = Concurrency,
        ["instanceCount"] = members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["azIntstanceStatisList"] = Zones(members),
    };

    /// <summary>The set as <c>GetDeploySet</c> answers it (its id as <c>shortId</c>, the counts as numbers).</summary>
    public JsonObject ToDetailJson(IReadOnlyList<EmulatedInstance> members) => new()
    {
        ["shortId"] = Id,
        ["uuid"] = SerialNumber.ToString(),
        ["name"] = Name,
        ["desc"] = Description,
        ["strategy"] = Strategy,
        ["concurrency"] = Concurrency,
        ["instanceCount"] = members.Count,
        ["instanceTotal"] = members.Count,
        ["bccInstanceCnt"] = members.Count,
        ["bbcInstanceCnt"] = 0,
        ["azIntstanceStatisList"] = Zones(members),
    };

    private static JsonArray Zones(IReadOnlyList<EmulatedInstance> members) =>
        new(members.GroupBy(m => m.ZoneName).Select(g => (JsonNode)new JsonObject
        {
            ["zoneName"] = g.Key,
            ["instanceCount"] = g.Count(),
            ["instanceTotal"] = g.Count(),
            ["bccInstanceCnt"] = g.Count(),
            ["bbcInstanceCnt"] = 0,
            ["instanceIds"] = new JsonArray(g.Select(m => (JsonNode)m.Id).ToArray()),
        }).ToArray());
}
