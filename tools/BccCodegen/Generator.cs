using BccCodegen.Emit;
using BccCodegen.Spec;

namespace BccCodegen;

/// <summary>Turns spec/ into the generated files, keyed by their path relative to the repository root.</summary>
internal static class Generator
{
    /// <summary>The folders the generator owns: every <c>*.g.cs</c> in them comes from here.</summary>
    public static readonly string[] OwnedFolders =
    [
        "src/BccExtensions/Clients/Generated",
        "src/BccExtensions/DependencyInjection/Generated",
        "src/BccExtensions/Models/Generated",
        "src/BccExtensions.Testing/Internal/Generated",
        "tests/Helpers/Generated",
    ];

    public const string CoveragePath = "docs/api-coverage.md";

    public static IReadOnlyDictionary<string, string> Generate(string repositoryRoot)
    {
        string spec = Path.Combine(repositoryRoot, "spec");
        ApiModel api = ModelSummaries.Apply(SpecReader.Read(spec));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (AreaModel area in api.Areas)
        {
            files[$"src/BccExtensions/Clients/Generated/{area.InterfaceName}.g.cs"] = ClientEmitter.Interface(api, area);
            files[$"src/BccExtensions/Clients/Generated/{area.ClassName}.g.cs"] = ClientEmitter.Implementation(api, area);
        }

        files["src/BccExtensions/Clients/Generated/BccClient.g.cs"] = ClientEmitter.Client(api);
        files["src/BccExtensions/DependencyInjection/Generated/BccSubClients.g.cs"] = ClientEmitter.SubClients(api);
        files["src/BccExtensions/Models/Generated/BccJsonContext.g.cs"] = ClientEmitter.JsonContext(api);
        IReadOnlySet<string> publicModels = ApiSurface.PublicModels(api);
        foreach (TypeModel type in api.Types)
        {
            files[$"src/BccExtensions/Models/Generated/{type.Name}.g.cs"] = ModelEmitter.Model(type, publicModels.Contains(type.Name));
        }

        foreach (EnumModel model in api.Enums)
        {
            files[$"src/BccExtensions/Models/Generated/{model.Name}.g.cs"] = ModelEmitter.Enum(model);
        }

        files["src/BccExtensions.Testing/Internal/Generated/BccOperationTable.g.cs"] = EmulatorTableEmitter.Table(api);
        files["src/BccExtensions.Testing/Internal/Generated/BccAnswerShapes.g.cs"] = EmulatorShapesEmitter.Table(api);
        files["tests/Helpers/Generated/OperationSamples.g.cs"] = SampleEmitter.Samples(api);
        files["tests/Helpers/Generated/DialectCalls.g.cs"] = DialectCallEmitter.Calls(api);
        files[CoveragePath] = CoverageEmitter.Document(api);
        return files;
    }

    /// <summary>Finds the repository root (the folder holding BccExtensions.sln) at or above a folder.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above holds BccExtensions.sln.</exception>
    public static string FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BccExtensions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("BccExtensions.sln was not found at or above " + start + "; run inside the repository or pass its root.");
    }
}
