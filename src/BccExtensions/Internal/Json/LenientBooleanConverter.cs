using System.Text.Json;
using System.Text.Json.Serialization;

namespace BccExtensions.Internal.Json;

/// <summary>Reads a flag that the service sometimes sends as <c>"true"</c>/<c>"false"</c> or <c>1</c>/<c>0</c> (e.g. <c>IpInfo.primary</c>).</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.GetDouble() != 0,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out bool flag) => flag,
        JsonTokenType.String when reader.GetString() is "1" or "0" => reader.GetString() == "1",
        _ => throw new JsonException($"Expected a boolean, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
