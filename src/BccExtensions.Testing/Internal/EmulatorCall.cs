using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>One authenticated request, parsed for the route handlers.</summary>
internal sealed class EmulatorCall
{
    private readonly byte[] _body;
    private JsonObject? _json;

    public EmulatorCall(string method, string rawPath, string rawQuery, byte[] body, EmulatorCaller caller, DateTimeOffset now)
    {
        Method = method;
        Segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        Query = ParseQuery(rawQuery);
        _body = body;
        Caller = caller;
        Now = now;
    }

    public string Method { get; }

    public string[] Segments { get; }

    public IReadOnlyDictionary<string, string> Query { get; }

    public EmulatorCaller Caller { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Gets the JSON body (an empty object when there is none).</summary>
    /// <exception cref="EmulatorError">400 MalformedJSON when the body is not a JSON object.</exception>
    public JsonObject Json => _json ??= ParseBody(_body);

    public bool Is(string method, params string[] pattern)
    {
        if (Method != method || Segments.Length != pattern.Length)
        {
            return false;
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != "*" && pattern[i] != Segments[i])
            {
                return false;
            }
        }

        return true;
    }

    public bool HasFlag(string name) => Query.ContainsKey(name);

    public string? QueryString(string name) => Query.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

    public string? String(string name) => Json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : Json[name]?.ToJsonString();

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw EmulatorError.BadRequest($"'{name}' is required.");

    public int? Int(string name) => Json[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number,
        JsonValue value when value.TryGetValue(out string? text) && int.TryParse(text, out int parsed) => parsed,
        _ => throw EmulatorError.BadRequest($"'{name}' must be a number."),
    };

    public bool Bool(string name) => Json[name] is JsonValue value && (value.TryGetValue(out bool flag) ? flag : value.TryGetValue(out string? text) && bool.TryParse(text, out bool parsed) && parsed);

    public IReadOnlyList<string> Strings(string name) =>
        Json[name] is JsonArray array ? array.Select(item => item?.GetValue<string>() ?? string.Empty).ToList() : [];

    /// <summary>A stable description of the request for clientToken matching: everything but the token itself.</summary>
    public string Fingerprint() =>
        Method + " /" + string.Join('/', Segments) + "?" + string.Join('&', Query.Where(q => q.Key != "clientToken").OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value))
        + "\n" + Convert.ToBase64String(_body);

    private static Dictionary<string, string> ParseQuery(string rawQuery)
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
            return JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.MalformedJson, "The JSON body is not well-formed.");
        }
    }
}
