using System.Reflection;
using System.Text.Json.Nodes;

namespace BccExtensions.Tests.Helpers;

/// <summary>The repository's spec/ folder, read directly (not through the generator) so tests check the generated code against the data.</summary>
public static class SpecFiles
{
    /// <summary>Gets the repository root, as the build recorded it (tests/Directory.Build.props).</summary>
    public static string RepositoryRoot { get; } =
        typeof(SpecFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static JsonObject Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "spec", relativePath)))!.AsObject();

    /// <summary>Gets spec/bcc-responses.json: response shapes and each operation's wire facts.</summary>
    public static JsonObject Responses { get; } = Load("bcc-responses.json");

    /// <summary>Gets spec/wire-fixes.json, the corrections to Baidu's metadata.</summary>
    public static JsonObject Fixes { get; } = Load("wire-fixes.json");

    /// <summary>Gets every operation, the metadata files and the extra operations by name, with spec/wire-fixes.json applied.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Operations()
    {
        var operations = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot, "spec", "bcc"), "*.json"))
        {
            JsonObject operation = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            string name = operation["name"]!.GetValue<string>();
            operations.Add(name, BccCodegen.Spec.WireFixes.Apply(name, operation, Fixes));
        }

        foreach (JsonNode? operation in Load("extra-operations.json")["operations"]!.AsArray())
        {
            string name = operation!["name"]!.GetValue<string>();
            operations.Add(name, BccCodegen.Spec.WireFixes.Apply(name, operation.AsObject(), Fixes));
        }

        return operations;
    }

    /// <summary>Gets an operation's wire facts (clientToken, encrypted fields); an extra operation's are keyed by its Go method.</summary>
    public static JsonNode Facts(string operation, JsonObject definition) =>
        Responses["operations"]![operation] ?? Responses["extraOperations"]![definition["goMethod"]?.GetValue<string>() ?? operation]!;
}
