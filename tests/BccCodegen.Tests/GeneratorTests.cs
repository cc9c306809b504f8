using BccCodegen;
using BccExtensions.Tests.Helpers;

namespace BccCodegen.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void Generate_FromTheCheckedInSpec_MatchesTheCheckedInFiles()
    {
        string root = SpecFiles.RepositoryRoot;

        IReadOnlyDictionary<string, string> files = Generator.Generate(root);

        var stale = files.Where(f => !File.Exists(Path.Combine(root, f.Key)) || File.ReadAllText(Path.Combine(root, f.Key)).ReplaceLineEndings("\n") != f.Value).Select(f => f.Key).ToList();
        var orphans = Generator.OwnedFolders
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.g.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !files.ContainsKey(path))
            .ToList();
        Assert.True(stale.Count == 0, "Stale generated files; run `dotnet run --project tools/BccCodegen`: " + string.Join(", ", stale.Take(10)));
        Assert.True(orphans.Count == 0, "Generated files spec/ no longer produces: " + string.Join(", ", orphans.Take(10)));
    }

    [Fact]
    public void Generate_FromTheCheckedInSpec_WritesEveryAreaAndTheCoverageDocument()
    {
        IReadOnlyDictionary<string, string> files = Generator.Generate(SpecFiles.RepositoryRoot);

        Assert.Equal(24, files.Keys.Count(k => k.StartsWith("src/BccExtensions/Clients/Generated/IBcc", StringComparison.Ordinal)));
        Assert.Contains("| **Total** | **218** | **36** |", files[Generator.CoveragePath], StringComparison.Ordinal);
        Assert.All(files.Where(f => f.Key.EndsWith(".g.cs", StringComparison.Ordinal)), f => Assert.StartsWith(CodeWriter.Header, f.Value, StringComparison.Ordinal));
    }
}
