using System.Text.Json.Nodes;

namespace BccCodegen.Spec;

/// <summary>
/// Applies spec/wire-fixes.json: corrections to Baidu's metadata where the requests of Baidu's own SDKs and its API
/// doc pages say otherwise, each with its reason and sources. A fix either changes one parameter (<c>add</c>,
/// <c>remove</c>, <c>move</c> to another position, <c>retype</c>; nested members by a dotted path) or sets whether the
/// operation takes an idempotency token (<c>clientToken</c>).
/// </summary>
/// <remarks>Also compiled into the tests, which read spec/ through the same corrections.</remarks>
internal static class WireFixes
{
    /// <summary>Returns the operation's definition with its parameter fixes applied (a copy; the input is unchanged).</summary>
    /// <exception cref="InvalidDataException">A fix names a parameter the operation does not have, or adds one it has.</exception>
    public static JsonObject Apply(string operation, JsonObject definition, JsonObject fixes)
    {
        var fixedDefinition = definition.DeepClone().AsObject();
        foreach (JsonNode? fix in Of(operation, fixes))
        {
            if (fix!["add"] is JsonObject added)
            {
                string parent = fix["under"]?.GetValue<string>() ?? string.Empty;
                JsonArray siblings = parent.Length == 0 ? Parameters(fixedDefinition) : Find(operation, fixedDefinition, parent)["sub_parameters"]!.AsArray();
                if (siblings.Any(p => Name(p!) == Name(added)))
                {
                    throw new InvalidDataException($"wire-fixes.json: {operation} already has {Name(added)}.");
                }

                siblings.Add(added.DeepClone());
            }
            else if (fix["remove"]?.GetValue<string>() is { } removed)
            {
                JsonObject parameter = Find(operation, fixedDefinition, removed);
                parameter.Parent!.AsArray().Remove(parameter);
            }
            else if (fix["move"]?.GetValue<string>() is { } moved)
            {
                Find(operation, fixedDefinition, moved)["position"] = fix["to"]!.GetValue<string>();
            }
            else if (fix["retype"]?.GetValue<string>() is { } retyped)
            {
                Find(operation, fixedDefinition, retyped)["type"] = fix["type"]!.GetValue<string>();
            }
        }

        return fixedDefinition;
    }

    /// <summary>Gets whether a fix says if the operation takes an idempotency token, or null when none does.</summary>
    public static bool? ClientToken(string operation, JsonObject fixes) =>
        Of(operation, fixes).LastOrDefault(f => f!["clientToken"] is not null)?["clientToken"]!.GetValue<bool>();

    private static JsonArray Of(string operation, JsonObject fixes) =>
        fixes["operations"]?[operation]?.AsArray() ?? [];

    private static JsonArray Parameters(JsonObject definition) => definition["parameters"]!.AsArray();

    private static JsonObject Find(string operation, JsonObject definition, string path)
    {
        JsonArray? level = Parameters(definition);
        JsonObject? found = null;
        foreach (string name in path.Split('.'))
        {
            found = level?.FirstOrDefault(p => Name(p!) == name)?.AsObject()
                ?? throw new InvalidDataException($"wire-fixes.json: {operation} has no parameter {path}.");
            level = found["sub_parameters"]?.AsArray();
        }

        return found!;
    }

    private static string Name(JsonNode parameter) => parameter["name"]!.GetValue<string>();
}
