using System.Text.Json;
using System.Text.Json.Nodes;

namespace BccExtensions.Tests.Helpers;

/// <summary>One query parameter as sent: a flag (<c>?resize</c>) has no value, <c>?resize=</c> an empty one.</summary>
public sealed record QueryPart(string Name, string? Value);

/// <summary>A request in the form the SDK dialect test compares: method, unescaped path, query in order, JSON body.</summary>
public sealed record SdkRequest(string Method, string Path, IReadOnlyList<QueryPart> Query, JsonNode? Body, string? Text)
{
    /// <summary>Reads a request recorded from one of our calls.</summary>
    public static SdkRequest From(RecordedRequest recorded)
    {
        string raw = recorded.Uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        var query = raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => new QueryPart(Uri.UnescapeDataString(pair[0]), pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : null))
            .ToList();
        JsonNode? body = null;
        string? text = null;
        if (!string.IsNullOrEmpty(recorded.Body))
        {
            try
            {
                body = JsonNode.Parse(recorded.Body);
            }
            catch (JsonException)
            {
                text = recorded.Body;
            }
        }

        return new SdkRequest(recorded.Method, Uri.UnescapeDataString(recorded.Uri.AbsolutePath), query, body, text);
    }

    /// <summary>Reads a request from a recording file (tools/SdkDialect).</summary>
    public static SdkRequest From(JsonObject recorded) => new(
        recorded["method"]!.GetValue<string>(),
        Uri.UnescapeDataString(recorded["path"]!.GetValue<string>()),
        recorded["query"]!.AsArray().Select(q => new QueryPart(q!["name"]!.GetValue<string>(), q["value"]?.GetValue<string>())).ToList(),
        recorded["body"]?.DeepClone(),
        recorded["text"]?.GetValue<string>());
}
