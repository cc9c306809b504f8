using System.Reflection;

namespace BccExtensions.Docs.Tests;

/// <summary>Every C# snippet in the docs compiles against the packages it shows, so a rename that breaks one fails CI.</summary>
public sealed class DocSnippetTests
{
    private static readonly string s_root = typeof(DocSnippetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static TheoryData<string> Snippets => [.. DocSnippet.All(s_root).Select(s => s.ToString())];

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string location)
    {
        DocSnippet snippet = DocSnippet.All(s_root).Single(s => s.ToString() == location);

        IReadOnlyList<string> errors = DocSnippetCompiler.Errors(snippet);

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Snippets_FoundInEveryDocThatHasThem()
    {
        var files = DocSnippet.All(s_root).Select(s => s.File).Distinct().ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/testing.md", files);
        Assert.Contains("src/BccExtensions/PACKAGE.md", files);
        Assert.True(DocSnippet.All(s_root).Count() >= 15);
    }

    [Fact]
    public void Compiler_ReportsABrokenSnippet()
    {
        // A method under its old name, as a stale doc would still call it, and a type used without its using in a whole file.
        Assert.Contains(DocSnippetCompiler.Errors(new DocSnippet("x.md", 1, "await bcc.Instances.BatchStopAsync(new BatchStopInstancesRequest { InstanceIds = [\"i-1\"] });")), e => e.Contains("BatchStopAsync", StringComparison.Ordinal));
        Assert.NotEmpty(DocSnippetCompiler.Errors(new DocSnippet("x.md", 1, "public sealed class C { public BccInstance? I { get; set; } }")));
        Assert.Empty(DocSnippetCompiler.Errors(new DocSnippet("x.md", 1, "await bcc.Instances.Batch.StopAsync(new BatchStopInstancesRequest { InstanceIds = [\"i-1\"] });")));
    }
}
