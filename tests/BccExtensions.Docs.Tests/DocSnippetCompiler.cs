using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace BccExtensions.Docs.Tests;

/// <summary>
/// Compiles a <see cref="DocSnippet"/> as a reader would use it: a whole file with the implicit usings of its project kind
/// only; a fragment inside a Program.cs that also imports the library's namespaces and has the variables the docs take
/// as given (<c>builder</c>, <c>bcc</c>, <c>services</c>, <c>emulator</c>...).
/// </summary>
internal static class DocSnippetCompiler
{
    // The implicit usings of Microsoft.NET.Sdk, then what Microsoft.NET.Sdk.Web, the Aspire app host SDK and the xunit
    // template add.
    private static readonly string[] s_console = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
    private static readonly string[] s_web = [.. s_console, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];
    private static readonly string[] s_appHost = [.. s_console, "Aspire.Hosting", "Aspire.Hosting.ApplicationModel"];
    private static readonly string[] s_test = [.. s_console, "Xunit"];

    // What a fragment leaves to its surroundings: the library's namespaces and the variables it names.
    private static readonly string[] s_fragment = ["BccExtensions", "BccExtensions.Models", "BccExtensions.Testing", "System.Net", "Microsoft.Extensions.Time.Testing", "OpenTelemetry.Metrics", "OpenTelemetry.Trace"];

    private const string WebGivens = """
        public static class Given
        {
            public static WebApplicationBuilder builder => throw null!;
            public static IServiceCollection services => throw null!;
            public static IBccClient bcc => throw null!;
            public static CreateInstanceRequest request => throw null!;
            public static CancellationToken cancellationToken => default;
            public static FakeTimeProvider fakeTime => throw null!;
            public static BccEmulator emulator => throw null!;
        }
        """;

    private const string AppHostGivens = """
        public static class Given
        {
            public static IDistributedApplicationBuilder builder => throw null!;
        }

        namespace Projects
        {
            /// <summary>The project a reader's app host runs beside the emulator.</summary>
            public sealed class Api : IProjectMetadata
            {
                public string ProjectPath => "Api.csproj";
            }
        }
        """;

    // The reader's own code under test in docs/testing.md.
    private const string ReaderTypes = """
        public sealed class MyFleetService(BccExtensions.IBccClient bcc)
        {
            public async System.Threading.Tasks.Task ScaleOutAsync(int count) => await bcc.Instances.ListPageAsync(System.Threading.CancellationToken.None);
        }
        """;

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))]);

    // The SDK's System.Text.Json source generator, as a project build runs it (docs/json.md shows a context of one's own).
    private static readonly Lazy<ISourceGenerator[]> s_generators = new(() =>
    {
        string dotnet = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string pack = Directory.GetDirectories(Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref"))
            .OrderBy(folder => Version.TryParse(Path.GetFileName(folder).Split('-')[0], out Version? version) ? version : new Version())
            .Last();
        string generator = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        return [.. new AnalyzerFileReference(generator, new AssemblyLoader()).GetGenerators(LanguageNames.CSharp)];
    });

    /// <summary>Compiles the snippet and gets its errors, each with its line in the Markdown file.</summary>
    public static IReadOnlyList<string> Errors(DocSnippet snippet)
    {
        string[] usings = snippet.IsFile ? snippet.IsAppHost ? s_appHost : snippet.Code.Contains("[Fact]", StringComparison.Ordinal) ? s_test : s_web
            : [.. snippet.IsAppHost ? s_appHost : s_web, .. s_fragment];
        string globals = string.Concat(usings.Select(u => $"global using {u};\n")) + (snippet.IsFile ? string.Empty : "global using static Given;\n");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        List<SyntaxTree> trees =
        [
            CSharpSyntaxTree.ParseText(snippet.Code, parse, path: snippet.File),
            CSharpSyntaxTree.ParseText(globals, parse, path: "Usings.cs"),
            CSharpSyntaxTree.ParseText(ReaderTypes, parse, path: "ReaderTypes.cs"),
        ];
        if (!snippet.IsFile)
        {
            trees.Add(CSharpSyntaxTree.ParseText("using BccExtensions;\nusing BccExtensions.Models;\nusing BccExtensions.Testing;\nusing Microsoft.Extensions.Time.Testing;\n" + (snippet.IsAppHost ? AppHostGivens : WebGivens), parse, path: "Given.cs"));
        }

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            s_references.Value,
            new CSharpCompilationOptions(snippet.IsFile ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver.Create(s_generators.Value).RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        return [.. generated.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.SourceTree?.FilePath == snippet.File
                ? $"{snippet.File}:{snippet.Line + d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
                : $"{d.Location.SourceTree?.FilePath}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
