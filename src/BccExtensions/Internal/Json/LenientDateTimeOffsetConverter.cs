using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BccExtensions.Internal.Json;

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
