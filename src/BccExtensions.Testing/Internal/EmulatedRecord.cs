using System.Globalization;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// A resource of a <see cref="RecordKind"/>: an id, a status, tags and its fields as BCC answers them. Its answers are
/// projections of the fields onto the answer type of the operation that reads it, so a list and a detail that show
/// different members read one record.
/// </summary>
internal sealed class EmulatedRecord : EmulatedResource
{
    public required string Kind { get; init; }

    /// <summary>Gets the fields, by wire name.</summary>
    public JsonObject Fields { get; init; } = [];

    public string? Text(string member) => Fields[member] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public int Number(string member) => Fields[member] is JsonValue value && value.TryGetValue(out int number) ? number : 0;

    public IEnumerable<string> Texts(string member) => (Fields[member] as JsonArray ?? []).Select(item => item?.GetValue<string>()).OfType<string>();

    /// <summary>Gets the record as an answer type holds it: the fields it has, with the status and tags under their names.</summary>
    /// <param name="type">The answer type (<see cref="BccAnswerShapes"/>).</param>
    /// <param name="statusMember">Where the type keeps the status.</param>
    public JsonObject ToJson(string type, string statusMember = "status")
    {
        var json = (JsonObject)Fields.DeepClone();
        json[statusMember] = Status;
        json["tags"] = TagsJson();
        return AnswerShape.Project(json, type);
    }

    public static string Time(DateTimeOffset instant) => Timestamp(instant);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
