using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BccExtensions.Internal.Json;

/// <summary>Reads a string field that the service sometimes sends as a number or boolean (e.g. <c>cardCount</c>).</summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadAsString(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Registered for every string, so it also reads and writes the keys of string-keyed maps.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    internal static string? ReadAsString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out long whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string, number or boolean, got {reader.TokenType}."),
    };
}

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

/// <summary>
/// Reads a time member Baidu documents as ISO 8601: <c>yyyy-MM-ddTHH:mm:ssZ</c>, optionally with fractional seconds or
/// a numeric offset. Empty text and <c>null</c> read as <see langword="null"/>. Any other text (no zone, a space for the
/// <c>T</c>, Unix <c>date</c> output) is refused rather than guessed at, so <see cref="BccAnswerReader"/> reads the member as
/// <see langword="null"/> and logs it: such text names no clear instant.
/// </summary>
internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly string[] s_formats = ["yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"];

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 time, got {reader.TokenType}.");
        }

        // The common case, unescaped text in one segment, is checked and parsed in place without allocating a string.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            if (raw.IsEmpty)
            {
                return null;
            }

            if (HasZone(raw) && raw.Length > 10 && raw[10] == (byte)'T' && reader.TryGetDateTimeOffset(out DateTimeOffset parsed))
            {
                return parsed.ToUniversalTime();
            }
        }

        string? text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryParseIso(text, out DateTimeOffset value) ? value : throw new JsonException("The text is not an ISO 8601 time with a zone.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } instant)
        {
            writer.WriteStringValue(instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Parses ISO 8601 with a zone designator (<c>Z</c> or <c>±hh:mm</c>); text without one names no instant.</summary>
    internal static bool TryParseIso(string text, out DateTimeOffset value)
    {
        value = default;
        bool zoned = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return zoned && DateTimeOffset.TryParseExact(text, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    private static bool HasZone(ReadOnlySpan<byte> text) =>
        text[^1] == (byte)'Z' || (text.Length > 6 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':');
}
