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

    /// <summary>Gets every operation: the metadata files and the extra operations, by name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Operations()
    {
        var operations = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot, "spec", "bcc"), "*.json"))
        {
            JsonObject operation = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            operations.Add(operation["name"]!.GetValue<string>(), operation);
        }

        foreach (JsonNode? operation in Load("extra-operations.json")["operations"]!.AsArray())
        {
            operations.Add(operation!["name"]!.GetValue<string>(), operation.AsObject());
        }

        return operations;
    }
}
