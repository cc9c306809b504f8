using System.Text.Json;
using System.Text.Json.Serialization;
using BccExtensions.Internal.Json;

namespace BccExtensions.Models;

/// <summary>
/// Reads and writes an <see cref="IBccStringValue{TSelf}"/> as its plain string value. The models name it in their
/// <see cref="JsonConverterAttribute"/>, so it is public: an application's own <see cref="JsonSerializerContext"/>
/// over the models builds without warnings.
/// </summary>
/// <typeparam name="T">The enumeration type.</typeparam>
public sealed class BccStringValueConverter<T> : JsonConverter<T>
    where T : struct, IBccStringValue<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromValue(LenientStringConverter.ReadAsString(ref reader) ?? string.Empty);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
