using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BccExtensions.Internal.Json;

/// <summary>
/// The source-generated JSON metadata of the hand-written wire types: error bodies, STS answers, and the DOM used to
/// add fields to a request body. Same options as the models' context, so both read alike.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    Converters = [typeof(LenientStringConverter), typeof(LenientBooleanConverter), typeof(LenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(BceErrorBody))]
[JsonSerializable(typeof(StsCredentialsResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class BccWireJsonContext : JsonSerializerContext;
