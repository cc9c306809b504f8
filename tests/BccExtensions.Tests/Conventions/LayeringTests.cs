using System.Text.RegularExpressions;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Conventions;

/// <summary>
/// The floor plan of the shipped libraries, read from their sources: a folder is a namespace, and the internal
/// layers depend only downwards (Json and Operations at the bottom, then Signing, Http, Credentials).
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
        var offenders = new List<string>();
        foreach (string file in Sources(Library).Where(file => Layer(file) != "DependencyInjection"))
        {
            string folder = Layer(file);
            string source = Read(file);
            if (Forbidden(folder, source) is { Length: > 0 } upward)
            {
                offenders.Add($"{file} ({folder}) uses Internal.{string.Join(", Internal.", upward)}; it may use {(s_mayUse[folder] is { Length: > 0 } allowed ? string.Join(", ", allowed) : "no internal layer")}");
            }

            if (folder.StartsWith("Internal/", StringComparison.Ordinal) && (source.Contains("BccExtensions.Models", StringComparison.Ordinal) || ClientTypeUse().IsMatch(source)))
            {
                offenders.Add($"{file}: the internal layers never reach up into the models or the clients");
            }
        }

        Assert.Empty(offenders);
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
        // The checks above only mean something if they can fail: Json reaching up into Http is caught.
        const string upward = "using BccExtensions.Internal.Http;\nnamespace BccExtensions.Internal.Json;";
        const string downward = "using BccExtensions.Internal.Json;\nnamespace BccExtensions.Internal.Http;";

        Assert.Equal(["Http"], Forbidden("Internal/Json", upward));
        Assert.Empty(Forbidden("Internal/Http", downward));
    }

    [Fact]
    public void Sources_AreFound()
    {
        Assert.True(Sources(Library).Count() > 400, "the library's sources were not found");
        Assert.Contains(Sources(Library), f => f.EndsWith("Internal/Http/BccTransport.cs", StringComparison.Ordinal));
        Assert.Contains(Sources(Emulator), f => f.EndsWith("Internal/Routes/InstancesRoutes.cs", StringComparison.Ordinal));
    }

    // The internal layers a source uses beyond its own and those its folder may use.
    private static string[] Forbidden(string folder, string source) =>
        [.. InternalLayerUse().Matches(source).Select(m => m.Groups[1].Value).Distinct().Where(layer => "Internal/" + layer != folder && !s_mayUse[folder].Contains(layer))];

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

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // `using BccExtensions.Internal.Http;` or a qualified `Internal.Http.BccTransport`.
    [GeneratedRegex(@"\bInternal\.(Json|Signing|Operations|Http|Credentials|Validation)\b")]
    private static partial Regex InternalLayerUse();

    [GeneratedRegex(@"\bI?Bcc\w*Client\b|\bBccSubClients\b")]
    private static partial Regex ClientTypeUse();
}
