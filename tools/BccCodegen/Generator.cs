using System.Text.Json.Nodes;
using BccCodegen.Emit;
using BccCodegen.Spec;

namespace BccCodegen;

/// <summary>Turns spec/ into the generated files, keyed by their path relative to the repository root.</summary>
internal static class Generator
{
    /// <summary>The folders the generator owns: every <c>*.g.cs</c> in them comes from here.</summary>
    public static readonly string[] OwnedFolders =
    [
        "src/BccExtensions/Generated",
        "src/BccExtensions.Testing/Generated",
        "tests/BccExtensions.Tests/Generated",
    ];

    public const string CoveragePath = "docs/api-coverage.md";

    public static IReadOnlyDictionary<string, string> Generate(string repositoryRoot)
    {
        string spec = Path.Combine(repositoryRoot, "spec");
        ApiModel api = SpecReader.Read(spec);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (AreaModel area in api.Areas)
        {
            files[$"src/BccExtensions/Generated/Clients/{area.InterfaceName}.g.cs"] = ClientEmitter.Interface(api, area);
            files[$"src/BccExtensions/Generated/Clients/{area.ClassName}.g.cs"] = ClientEmitter.Implementation(api, area);
        }

        files["src/BccExtensions/Generated/Clients/BccClient.g.cs"] = ClientEmitter.Client(api);
        files["src/BccExtensions/Generated/BccJsonContext.g.cs"] = ClientEmitter.JsonContext(api);
        foreach (TypeModel type in api.Types)
        {
            files[$"src/BccExtensions/Generated/Models/{type.Name}.g.cs"] = ModelEmitter.Model(type);
        }

        foreach (EnumModel model in api.Enums)
        {
            files[$"src/BccExtensions/Generated/Models/{model.Name}.g.cs"] = ModelEmitter.Enum(model);
        }

        files["src/BccExtensions.Testing/Generated/BccOperationTable.g.cs"] = EmulatorTableEmitter.Table(api);
        files["tests/BccExtensions.Tests/Generated/OperationSamples.g.cs"] = SampleEmitter.Samples(api);
        files[CoveragePath] = CoverageEmitter.Document(api, SdkMethods(spec), SdkTotals(spec));
        return files;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> SdkMethods(string spec)
    {
        JsonNode responses = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "bcc-responses.json")))!;
        JsonNode extras = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "extra-operations.json")))!;
        var methods = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? operation) in responses["operations"]!.AsObject())
        {
            methods[name] = operation!["sdkMethods"]!.AsObject().ToDictionary(
                sdk => sdk.Key, sdk => (IReadOnlyList<string>)sdk.Value!.AsArray().Select(m => m!.GetValue<string>()).ToList());
        }

        foreach (JsonNode? operation in extras["operations"]!.AsArray())
        {
            string name = operation!["name"]!.GetValue<string>();
            string goMethod = operation["goMethod"]?.GetValue<string>() ?? name;
            JsonNode facts = responses["extraOperations"]![goMethod]!;
            var bySdk = new Dictionary<string, IReadOnlyList<string>> { ["bce-sdk-go"] = [goMethod] };
            foreach (JsonNode? sdk in facts["alsoIn"]?.AsArray() ?? [])
            {
                bySdk[sdk!.GetValue<string>()] = [goMethod];
            }

            methods[name] = bySdk;
        }

        return methods;
    }

    private static Dictionary<string, int> SdkTotals(string spec)
    {
        JsonNode map = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "operation-map.json")))!;
        return map["sdkTotals"]!.AsObject().ToDictionary(t => t.Key, t => t.Value!.GetValue<int>());
    }
}
