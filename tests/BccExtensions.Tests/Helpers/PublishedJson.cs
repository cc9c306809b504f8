using System.Text.Json;
using System.Text.Json.Nodes;

namespace BccExtensions.Tests.Helpers;

/// <summary>Compares what the client read (written back through its models) with an answer as the service published it.</summary>
public static class PublishedJson
{
    public static JsonNode Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "published", name)))!;

    /// <summary>
    /// Asserts that every published member was read with its published value. The only differences allowed are of
    /// form: a number or flag the service sent as text, and "unset" written as null, "" or an empty collection.
    /// </summary>
    public static void AssertReadBack(JsonNode? published, JsonNode? written, string path = "$")
    {
        switch (published)
        {
            case JsonObject members:
                foreach ((string name, JsonNode? value) in members)
                {
                    JsonNode? read = (written as JsonObject)?.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
                    AssertReadBack(value, read, path + "." + name);
                }

                break;
            case JsonArray items:
                JsonArray readItems = Assert.IsType<JsonArray>(written);
                Assert.True(items.Count == readItems.Count, $"{path}: {items.Count} items published, {readItems.Count} read");
                for (int i = 0; i < items.Count; i++)
                {
                    AssertReadBack(items[i], readItems[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(Unset(published) ? Unset(written) : Text(published) == Text(written), $"{path}: published {published?.ToJsonString() ?? "null"}, read {written?.ToJsonString() ?? "nothing"}");
                break;
        }
    }

    private static bool Unset(JsonNode? node) => node is null or JsonArray { Count: 0 } or JsonObject { Count: 0 }
        || (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();
}
