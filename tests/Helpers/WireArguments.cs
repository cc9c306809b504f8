using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BccExtensions.Tests.Helpers;

/// <summary>
/// The argument values of a request that one of Baidu's SDKs sent, found by wire name wherever that SDK put them
/// (path, query or body), and converted to the types of our request models. A value that does not fit is noted in
/// <see cref="Problems"/> and left unset, so the difference shows in what we send.
/// </summary>
public sealed class WireArguments(SdkRequest request, string pathTemplate)
{
    private static readonly JsonSerializerOptions s_tolerant = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientBoolConverter(), new LenientStringConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            // Our models mark required members; a sample without one must still bind, so the client can refuse it.
            Modifiers = { info => { foreach (JsonPropertyInfo property in info.Properties) { property.IsRequired = false; } } },
        },
    };

    private readonly Dictionary<string, string>? _path = BindPath(pathTemplate, request.Path);

    /// <summary>Gets the values that could not be read into our types.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Binds a path to a template (<c>/v2/instance/{instanceId}</c>), or null when the shapes differ.</summary>
    public static Dictionary<string, string>? BindPath(string template, string path)
    {
        string[] holes = template.Trim('/').Split('/');
        string[] segments = path.Trim('/').Split('/');
        if (holes.Length != segments.Length)
        {
            return null;
        }

        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < holes.Length; i++)
        {
            if (holes[i].StartsWith('{') && holes[i].EndsWith('}'))
            {
                bound[holes[i][1..^1]] = segments[i];
            }
            else if (!string.Equals(holes[i], segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return bound;
    }

    /// <summary>Gets a path argument: from the SDK's path where it has our shape, else by name from its query or body.</summary>
    public string Path(string id) =>
        _path is not null && _path.TryGetValue(id, out string? value) ? value : Get<string>(id) ?? "{" + id + "}";

    /// <summary>Gets the value the SDK sent for a wire name (body member, query parameter or path hole), as our type.</summary>
    public T? Get<T>(string name)
    {
        JsonNode? node = Find(name);
        if (node is null)
        {
            return default;
        }

        try
        {
            if (node is JsonValue text && text.TryGetValue(out string? joined) && typeof(T).IsGenericType
                && typeof(T).GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                // A list in the query: the SDKs join its values with commas.
                node = new JsonArray(joined.Split(',').Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            }

            return node.Deserialize<T>(s_tolerant);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            Problems.Add($"{name}: the SDK's {node.ToJsonString()} does not read as {typeof(T).Name} ({exception.Message})");
            return default;
        }
    }

    private JsonNode? Find(string name)
    {
        if (request.Body is JsonObject body && body.TryGetPropertyValue(name, out JsonNode? member))
        {
            return member;
        }

        QueryPart? query = request.Query.FirstOrDefault(q => q.Name == name && q.Value is not null);
        if (query is not null)
        {
            return JsonValue.Create(query.Value);
        }

        return _path is not null && _path.TryGetValue(name, out string? value) ? JsonValue.Create(value) : null;
    }

    private sealed class LenientBoolConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? bool.Parse(reader.GetString()!) : reader.GetBoolean();

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    private sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException("not a scalar"),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
