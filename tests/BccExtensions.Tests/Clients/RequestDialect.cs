using System.Text.Json;
using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Clients;

/// <summary>
/// Compares a request of ours with one that Baidu's SDK sent for the same call: method, path, query names, flag
/// form and values, and the body's member names, placement, JSON kinds, nesting and values. Signatures, request ids
/// and the values of idempotency tokens and encrypted members are not compared.
/// </summary>
public static class RequestDialect
{
    /// <summary>Lists the differences, each a stable line (ours first, then the SDK's).</summary>
    public static List<string> Compare(SdkRequest ours, SdkRequest sdk, IReadOnlySet<string> encrypted)
    {
        var differences = new List<string>();
        if (ours.Method != sdk.Method || ours.Path != sdk.Path)
        {
            differences.Add($"route: we send {ours.Method} {ours.Path}, the SDK {sdk.Method} {sdk.Path}");
        }

        CompareQuery(ours.Query, sdk.Query, differences);
        if (ours.Text != sdk.Text)
        {
            differences.Add($"body text: we send {ours.Text ?? "none"}, the SDK {sdk.Text ?? "none"}");
        }

        CompareNode("body", ours.Body, sdk.Body, encrypted, differences);
        return differences;
    }

    private static void CompareQuery(IReadOnlyList<QueryPart> ours, IReadOnlyList<QueryPart> sdk, List<string> differences)
    {
        foreach (string name in ours.Select(q => q.Name).Union(sdk.Select(q => q.Name)).Order(StringComparer.Ordinal))
        {
            QueryPart? mine = ours.FirstOrDefault(q => q.Name == name);
            QueryPart? theirs = sdk.FirstOrDefault(q => q.Name == name);
            if (mine is null)
            {
                differences.Add($"query {name}: the SDK sends it{(theirs!.Value is null ? " as a flag" : string.Empty)}, we do not");
            }
            else if (theirs is null)
            {
                differences.Add($"query {name}: we send it{(mine.Value is null ? " as a flag" : string.Empty)}, the SDK does not");
            }
            else if ((mine.Value is null) != (theirs.Value is null))
            {
                differences.Add($"query {name}: we send {(mine.Value is null ? "a flag" : "a value")}, the SDK {(theirs.Value is null ? "a flag" : "a value")}");
            }
            else if (name != "clientToken" && mine.Value != theirs.Value)
            {
                differences.Add($"query {name}: we send '{mine.Value}', the SDK '{theirs.Value}'");
            }
        }
    }

    private static void CompareNode(string where, JsonNode? ours, JsonNode? sdk, IReadOnlySet<string> encrypted, List<string> differences)
    {
        string mine = Kind(ours);
        string theirs = Kind(sdk);
        if (mine != theirs)
        {
            differences.Add($"{where}: we send {mine}, the SDK {theirs}");
            return;
        }

        switch (ours)
        {
            case JsonObject objectOfOurs:
                JsonObject objectOfTheirs = sdk!.AsObject();
                foreach (string name in objectOfOurs.Select(p => p.Key).Union(objectOfTheirs.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    bool inOurs = objectOfOurs.TryGetPropertyValue(name, out JsonNode? a);
                    bool inTheirs = objectOfTheirs.TryGetPropertyValue(name, out JsonNode? b);
                    if (!inOurs && IsZero(b))
                    {
                        continue; // Go sends members without omitempty at their zero value; leaving them out is the same request.
                    }

                    if (!inOurs)
                    {
                        differences.Add($"{where}.{name}: the SDK sends {Kind(b)}, we do not");
                    }
                    else if (!inTheirs)
                    {
                        differences.Add($"{where}.{name}: we send {Kind(a)}, the SDK does not");
                    }
                    else
                    {
                        CompareNode($"{where}.{name}", a, b, encrypted, differences);
                    }
                }

                break;
            case JsonArray arrayOfOurs:
                JsonArray arrayOfTheirs = sdk!.AsArray();
                if (arrayOfOurs.Count != arrayOfTheirs.Count)
                {
                    differences.Add($"{where}: we send {arrayOfOurs.Count} items, the SDK {arrayOfTheirs.Count}");
                }

                for (int i = 0; i < Math.Min(arrayOfOurs.Count, arrayOfTheirs.Count); i++)
                {
                    CompareNode($"{where}[{i}]", arrayOfOurs[i], arrayOfTheirs[i], encrypted, differences);
                }

                break;
            case JsonValue when !encrypted.Contains(where[(where.LastIndexOf('.') + 1)..]) && ours.ToJsonString() != sdk!.ToJsonString():
                differences.Add($"{where}: we send {ours.ToJsonString()}, the SDK {sdk.ToJsonString()}");
                break;
        }
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static bool IsZero(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => node.ToJsonString() == "0",
        JsonValueKind.String => node.GetValue<string>().Length == 0,
        JsonValueKind.Array => node.AsArray().Count == 0,
        _ => false,
    };
}
