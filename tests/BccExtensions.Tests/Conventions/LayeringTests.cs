using System.Text.RegularExpressions;
using BccExtensions.Tests.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BccExtensions.Tests.Conventions;

/// <summary>
/// The floor plan of the shipped libraries, read from their sources as the compiler binds them: a folder is a
/// namespace, and the internal layers depend only downwards (Json and Operations at the bottom, then Signing, Http,
/// Credentials).
/// </summary>
public sealed partial class LayeringTests
{
    private const string Library = "src/BccExtensions";
    private const string Emulator = "src/BccExtensions.Testing";

    // Which internal layers each folder of the library may use; DependencyInjection wires everything.
    private static readonly Dictionary<string, string[]> s_mayUse = new(StringComparer.Ordinal)
    {
        [""] = [],
        ["Options"] = [],
        ["Credentials"] = [],
        ["HealthChecks"] = [],
        ["Models"] = ["Json"],
        ["Clients"] = ["Http", "Operations", "Json"],
        ["Internal/Json"] = [],
        ["Internal/Operations"] = [],
        ["Internal/Validation"] = [],
        ["Internal/Signing"] = ["Json"],
        ["Internal/Http"] = ["Signing", "Json", "Operations"],
        ["Internal/Credentials"] = ["Http", "Json"],
    };

    [Fact]
    public void EveryFile_DeclaresTheNamespaceOfItsFolder()
    {
        string[] offenders = [.. Sources(Library).Concat(Sources(Emulator))
            .Select(file => (file, declared: NamespaceDeclaration().Match(Read(file)) is { Success: true } m ? m.Groups[1].Value : "(none)"))
            .Where(f => f.declared != ExpectedNamespace(f.file))
            .Select(f => $"{f.file}: {f.declared}, expected {ExpectedNamespace(f.file)}")];

        Assert.Empty(offenders);
    }

    [Fact]
    public void InternalLayers_DependOnlyDownwards()
    {
        Assert.Empty(UpwardArrows(Sources(Library).Select(file => (file, Read(file)))));
    }

    [Fact]
    public void ArchitectureDoc_StatesTheseRules()
    {
        // docs/architecture.md's table says what each folder may use; it must say what this test enforces.
        var documented = File.ReadLines(Path.Combine(SpecFiles.RepositoryRoot, "docs", "architecture.md"))
            .SkipWhile(line => !line.StartsWith("| folder |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells[0] is not "(root)" && !cells[0].StartsWith("`DependencyInjection", StringComparison.Ordinal))
            .ToDictionary(
                cells => DocFolder().Match(cells[0]).Groups[1].Value,
                cells => cells[^1] is "no internal layer" or "nothing internal" ? string.Empty : cells[^1]);

        var enforced = s_mayUse.Where(rule => rule.Key.Length > 0).ToDictionary(rule => rule.Key, rule => string.Join(", ", rule.Value));

        Assert.Equal(enforced.OrderBy(r => r.Key, StringComparer.Ordinal), documented.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void NoFile_ReachesIntoTheOtherPackage()
    {
        // The emulator checks the client; it must not borrow the client's internals to do so (nor the client the emulator).
        string[] offenders =
        [
            .. Sources(Emulator).Where(file => Regex.IsMatch(Read(file), @"BccExtensions\.Internal\b")),
            .. Sources(Library).Where(file => Read(file).Contains("BccExtensions.Testing", StringComparison.Ordinal)),
        ];

        Assert.Empty(offenders);
    }

    [Fact]
    public void Rules_CatchAnUpwardArrow()
    {
        // The check above only means something if it can fail: Json reaching up into Http, or into the models, is caught
        // however the type is named (a using, a full name, an alias or a var), and Http reaching down into Json is fine.
        (string, string)[] sources =
        [
            ($"{Library}/Internal/Http/Sender.cs", "namespace BccExtensions.Internal.Http; internal static class Sender { public static int Size => BccExtensions.Internal.Json.Reader.Limit; }"),
            ($"{Library}/Internal/Json/Reader.cs", "namespace BccExtensions.Internal.Json; using S = BccExtensions.Internal.Http.Sender; internal static class Reader { public const int Limit = 1; public static int Read() { var size = S.Size; return size; } }"),
            ($"{Library}/Internal/Json/Shapes.cs", "namespace BccExtensions.Internal.Json; internal static class Shapes { public static object Make() => new BccExtensions.Models.Thing(); }"),
            ($"{Library}/Models/Thing.cs", "namespace BccExtensions.Models; public sealed class Thing;"),
        ];

        string[] arrows = UpwardArrows(sources);

        Assert.Equal(2, arrows.Length);
        Assert.Contains(arrows, a => a.StartsWith($"{Library}/Internal/Json/Reader.cs (Internal/Json) uses Internal/Http", StringComparison.Ordinal));
        Assert.Contains(arrows, a => a.StartsWith($"{Library}/Internal/Json/Shapes.cs (Internal/Json) uses Models", StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_AreFound()
    {
        Assert.True(Sources(Library).Count() > 400, "the library's sources were not found");
        Assert.Contains(Sources(Library), f => f.EndsWith("Internal/Http/BccTransport.cs", StringComparison.Ordinal));
        Assert.Contains(Sources(Emulator), f => f.EndsWith("Internal/Routes/InstancesRoutes.cs", StringComparison.Ordinal));
    }

    /// <summary>
    /// Finds the arrows that point up, by the compiler's reading of every name (usings, aliases, full names and
    /// inferred types alike): a type used from a folder whose rules do not allow its folder. The sources are bound
    /// without the source generators; a name they would define binds to nothing, which is no arrow.
    /// </summary>
    private static string[] UpwardArrows(IEnumerable<(string File, string Text)> sources)
    {
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Preview), path: s.File))
            .ToList();
        CSharpCompilation compilation = CSharpCompilation.Create("Layers", trees, s_references.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var arrows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in trees)
        {
            string folder = Layer(tree.FilePath);
            if (folder == "DependencyInjection")
            {
                continue;
            }

            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                ISymbol? symbol = model.GetSymbolInfo(name).Symbol;
                INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is { } outer)
                {
                    type = outer;
                }

                if (type?.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath is not { } declaredIn || declaredIn == tree.FilePath)
                {
                    continue;
                }

                string used = Layer(declaredIn);
                bool upward = used.StartsWith("Internal/", StringComparison.Ordinal)
                    ? used != folder && !s_mayUse[folder].Contains(used["Internal/".Length..])
                    : folder.StartsWith("Internal/", StringComparison.Ordinal) && used is "Models" or "Clients" or "DependencyInjection";
                if (upward)
                {
                    arrows.Add($"{tree.FilePath} ({folder}) uses {used} ({type.Name}); it may use {(s_mayUse[folder] is { Length: > 0 } allowed ? "Internal/" + string.Join(", Internal/", allowed) : "no internal layer")}{(folder.StartsWith("Internal/", StringComparison.Ordinal) ? ", never the models, the clients or the registration" : string.Empty)}");
                }
            }
        }

        return [.. arrows];
    }

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(path).StartsWith("BccExtensions", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path))]);

    private static IEnumerable<string> Sources(string project)
    {
        string root = Path.Combine(SpecFiles.RepositoryRoot, project);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SpecFiles.RepositoryRoot, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(SpecFiles.RepositoryRoot, file));

    // The folder below the project, without the Generated/Custom halves (which mirror each other).
    private static string[] Folders(string file, string project) =>
        [.. file[(project.Length + 1)..].Split('/')[..^1].Where(part => part is not ("Generated" or "Custom"))];

    private static string Layer(string file)
    {
        string[] folders = Folders(file, Library);
        return folders switch
        {
            [] => string.Empty,
            ["Internal", var layer, ..] => "Internal/" + layer,
            [var first, ..] => first,
        };
    }

    private static string ExpectedNamespace(string file)
    {
        if (file.StartsWith(Emulator + "/", StringComparison.Ordinal))
        {
            return string.Join('.', ["BccExtensions.Testing", .. Folders(file, Emulator)]);
        }

        // The public feature folders (Options, Credentials, Clients, HealthChecks) keep the entry namespace; models have their own.
        return Folders(file, Library) switch
        {
            [] or ["Options"] or ["Credentials"] or ["Clients"] or ["HealthChecks"] => "BccExtensions",
            ["Models"] => "BccExtensions.Models",
            ["DependencyInjection"] => "Microsoft.Extensions.DependencyInjection",
            var folders => string.Join('.', ["BccExtensions", .. folders]),
        };
    }

    // `Clients/Generated`, `Models/Custom` or `Internal/Json`: the folder without the Generated/Custom halves.
    [GeneratedRegex(@"^`([A-Za-z]+(?:/(?!Generated|Custom)[A-Za-z]+)?)")]
    private static partial Regex DocFolder();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
