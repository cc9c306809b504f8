using System.Text.Json;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>The JSON kind a member of a BCC answer has.</summary>
internal enum AnswerKind
{
    Text,
    Number,
    Flag,
    Any,
    Object,
}

/// <summary>A member of an answer type (<see cref="BccAnswerShapes"/>): its wire name, kind, model type and container.</summary>
internal sealed record AnswerMember(string Name, AnswerKind Kind, string? Type, bool IsList, bool IsMap);

/// <summary>
/// The members an answer type may hold. Every answer the emulator writes is checked against its operation's shape
/// before it leaves: a member Baidu's SDKs do not know, or one of another JSON kind, is a fault of the emulator.
/// </summary>
internal sealed class AnswerShape(IReadOnlyList<AnswerMember> members)
{
    private static readonly HashSet<string> s_bccOperations = [.. BccOperationTable.All.Select(o => o.Name)];

    private readonly Dictionary<string, AnswerMember> _members = members.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>Keeps the members of <paramref name="source"/> that <paramref name="type"/> has.</summary>
    public static JsonObject Project(JsonObject source, string type)
    {
        AnswerShape shape = BccAnswerShapes.Types[type];
        var projected = new JsonObject();
        foreach ((string name, JsonNode? value) in source)
        {
            if (shape._members.ContainsKey(name))
            {
                projected[name] = value?.DeepClone();
            }
        }

        return projected;
    }

    /// <summary>Checks an operation's answer body; operations with no answer type take an empty object or none.</summary>
    /// <exception cref="EmulatorFault">The body does not fit the shape; the message names the member.</exception>
    public static void Check(string operation, JsonNode? body)
    {
        if (body is null || !s_bccOperations.Contains(operation))
        {
            return; // STS's answers are not BCC's
        }

        if (!BccAnswerShapes.ByOperation.TryGetValue(operation, out string? type))
        {
            if (body is JsonObject { Count: > 0 })
            {
                throw new EmulatorFault($"its answer to {operation} has a body, where BCC answers none.");
            }

            return;
        }

        if (type == "StringList")
        {
            // A bare JSON list of text (CreateReservedInstanceTransfer's transfer record ids).
            CheckMember(operation, new AnswerMember("answer", AnswerKind.Text, null, IsList: true, IsMap: false), body, "answer");
            return;
        }

        CheckObject(operation, body, type, "answer");
    }

    private static void CheckObject(string operation, JsonNode node, string type, string path)
    {
        if (node is not JsonObject obj)
        {
            throw Drift(operation, path, "an object");
        }

        if (!BccAnswerShapes.Types.TryGetValue(type, out AnswerShape? shape))
        {
            return;
        }

        foreach ((string name, JsonNode? value) in obj)
        {
            if (!shape._members.TryGetValue(name, out AnswerMember? member))
            {
                throw new EmulatorFault($"its answer to {operation} has {path}.{name}, which {type} does not have.");
            }

            CheckMember(operation, member, value, path + "." + name);
        }
    }

    private static void CheckMember(string operation, AnswerMember member, JsonNode? value, string path)
    {
        if (value is null)
        {
            return;
        }

        if (member.IsList || member.IsMap)
        {
            IEnumerable<(JsonNode? Item, string Path)> items = (member.IsList, value) switch
            {
                (true, JsonArray array) => array.Select((item, i) => (item, $"{path}[{i}]")),
                (false, JsonObject map) => map.Select(pair => (pair.Value, $"{path}.{pair.Key}")),
                _ => throw Drift(operation, path, member.IsList ? "a list" : "an object"),
            };
            foreach ((JsonNode? item, string itemPath) in items)
            {
                CheckValue(operation, member, item, itemPath);
            }

            return;
        }

        CheckValue(operation, member, value, path);
    }

    private static void CheckValue(string operation, AnswerMember member, JsonNode? value, string path)
    {
        JsonValueKind kind = value?.GetValueKind() ?? JsonValueKind.Null;
        bool fits = kind == JsonValueKind.Null || member.Kind switch
        {
            AnswerKind.Text => kind == JsonValueKind.String,
            AnswerKind.Number => kind == JsonValueKind.Number,
            AnswerKind.Flag => kind is JsonValueKind.True or JsonValueKind.False,
            AnswerKind.Object => kind == JsonValueKind.Object,
            _ => true,
        };
        if (!fits)
        {
            throw Drift(operation, path, member.Kind switch
            {
                AnswerKind.Text => "text",
                AnswerKind.Number => "a number",
                AnswerKind.Flag => "true or false",
                _ => "an object",
            });
        }

        if (member.Kind == AnswerKind.Object && member.Type is { } type && value is not null)
        {
            CheckObject(operation, value, type, path);
        }
    }

    private static EmulatorFault Drift(string operation, string path, string expected) =>
        new($"its answer to {operation} has {path} that is not {expected}.");
}
