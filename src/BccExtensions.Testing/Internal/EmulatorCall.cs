using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>One authenticated request, parsed for the route handlers.</summary>
internal sealed class EmulatorCall
{
    private readonly byte[] _body;
    private JsonObject? _json;

    public EmulatorCall(KnownOperation operation, string method, string[] segments, IReadOnlyDictionary<string, string> query, byte[] body, EmulatorCaller caller, DateTimeOffset now)
    {
        Operation = operation;
        Method = method;
        Segments = segments;
        Query = query;
        _body = body;
        Caller = caller;
        Now = now;
    }

    /// <summary>Gets the operation the request is for.</summary>
    public KnownOperation Operation { get; }

    public string Method { get; }

    /// <summary>Gets the decoded path segments.</summary>
    public string[] Segments { get; }

    /// <summary>Splits a raw path into decoded segments.</summary>
    public static string[] SplitPath(string rawPath) => rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    public IReadOnlyDictionary<string, string> Query { get; }

    public EmulatorCaller Caller { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Gets the JSON body (an empty object when there is none).</summary>
    /// <exception cref="EmulatorError">400 MalformedJSON when the body is not a JSON object.</exception>
    public JsonObject Json => _json ??= ParseBody(_body);

    /// <summary>Gets a path parameter by its name in the operation's template (<c>instanceId</c> of <c>/v2/instance/{instanceId}</c>).</summary>
    public string PathValue(string name) => Operation.Bind(Segments)[name];

    public string? QueryString(string name) => Query.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

    // Baidu's Go SDK sends every member of its request structs: an optional member that is "", 0, false, null or []
    // means "not given", exactly as if it were absent. Java and Python leave such members out.

    /// <summary>Gets a text member; <c>""</c>, <c>null</c>, <c>false</c> and <c>0</c> read as not given.</summary>
    public string? String(string name) => Json[name] switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text.Length > 0 ? text : null,
        JsonValue value when value.GetValueKind() is JsonValueKind.Number && value.ToJsonString() is var number && number != "0" => number,
        JsonValue value when value.GetValueKind() is JsonValueKind.True => "true",
        JsonValue => null,
        null => null,
        _ => throw EmulatorError.BadRequest($"'{name}' must be text."),
    };

    public string RequiredString(string name) =>
        String(name) ?? throw EmulatorError.BadRequest($"'{name}' is required.");

    /// <summary>Gets a number member; <c>0</c>, <c>""</c>, <c>null</c> and <c>false</c> read as not given.</summary>
    public int? Int(string name) => Json[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number == 0 ? null : number,
        JsonValue value when value.TryGetValue(out string? text) && text.Length == 0 => null,
        JsonValue value when value.TryGetValue(out string? text) && int.TryParse(text, out int parsed) => parsed == 0 ? null : parsed,
        JsonValue value when value.GetValueKind() is JsonValueKind.False => null,
        _ => throw EmulatorError.BadRequest($"'{name}' must be a number."),
    };

    public bool Bool(string name) => Json[name] is JsonValue value && (value.TryGetValue(out bool flag) ? flag : value.TryGetValue(out string? text) && bool.TryParse(text, out bool parsed) && parsed);

    /// <summary>Gets a list of text; <c>null</c> reads as empty and empty items are dropped.</summary>
    public IReadOnlyList<string> Strings(string name) => Json[name] switch
    {
        JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue(out string? text) ? text : null).OfType<string>().Where(text => text.Length > 0).ToList(),
        null or JsonValue => [],
        _ => throw EmulatorError.BadRequest($"'{name}' must be a list."),
    };

    /// <summary>
    /// Gets a member Baidu's metadata has in a list form and a single form (<c>deployIdList</c> and <c>deployId</c>):
    /// the list's items, then the single value, without repeats.
    /// </summary>
    public IReadOnlyList<string> ListOrSingle(string listName, string singleName) =>
        [.. Strings(listName).Append(String(singleName)).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Gets the objects of a list member; <c>null</c> reads as empty.</summary>
    public IReadOnlyList<JsonObject> Objects(string name) => Json[name] switch
    {
        JsonArray array => [.. array.OfType<JsonObject>()],
        null or JsonValue => [],
        _ => throw EmulatorError.BadRequest($"'{name}' must be a list."),
    };

    /// <summary>Gets a list of <c>{tagKey, tagValue}</c> as key and value pairs; a tag without a key is refused.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags(string name) =>
        [.. Objects(name).Select(tag => new KeyValuePair<string, string>(
            tag["tagKey"] is JsonValue key && key.TryGetValue(out string? k) && k.Length > 0 ? k : throw EmulatorError.BadRequest($"Every item of '{name}' needs a tagKey."),
            tag["tagValue"] is JsonValue value && value.TryGetValue(out string? v) ? v : string.Empty))];

    /// <summary>Gets a paging or filter value from the query, or else from the body (BCC's POST lists take them there).</summary>
    public string? QueryOrBody(string name) => QueryString(name) ?? String(name);

    /// <summary>Gets an object member; <c>null</c> and <c>{}</c> read as not given.</summary>
    public JsonObject? Object(string name) => Json[name] switch
    {
        JsonObject { Count: > 0 } value => value,
        JsonObject or JsonValue or null => null,
        _ => throw EmulatorError.BadRequest($"'{name}' must be an object."),
    };

    /// <summary>A stable description of the request for clientToken matching: everything but the token itself.</summary>
    public string Fingerprint() =>
        Method + " /" + string.Join('/', Segments) + "?" + string.Join('&', Query.Where(q => q.Key != "clientToken").OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value))
        + "\n" + Convert.ToBase64String(_body);

    /// <summary>Splits a raw query into decoded names and values (a flag has an empty value).</summary>
    public static Dictionary<string, string> ParseQuery(string rawQuery)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            query[Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals])] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return query;
    }

    private static JsonObject ParseBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            if (HasDuplicateMember(body))
            {
                throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.MalformedJson, "The JSON body has a member twice in one object.");
            }

            return JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.MalformedJson, "The JSON body is not well-formed.");
        }
    }

    /// <summary>Finds a member name repeated within one object (which <see cref="JsonObject"/> refuses only when first read).</summary>
    private static bool HasDuplicateMember(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var open = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    open.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName when !open.Peek()!.Add(reader.GetString()!):
                    return true;
            }
        }

        return false;
    }
}
