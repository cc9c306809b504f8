using System.Text.RegularExpressions;

namespace BccExtensions.Docs.Tests;

/// <summary>
/// One <c>```csharp</c> block of a Markdown file. A snippet that declares a type is a whole file and must bring its own
/// usings; any other snippet is a fragment of a web app's or an app host's Program.cs (<see cref="DocSnippetCompiler"/>).
/// </summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence.</param>
/// <param name="Code">The code between the fences.</param>
public sealed partial record DocSnippet(string File, int Line, string Code)
{
    /// <summary>Gets whether the snippet runs in an Aspire app host (<c>DistributedApplication</c>, <c>AddBccEmulator</c>).</summary>
    public bool IsAppHost => Code.Contains("DistributedApplication", StringComparison.Ordinal) || Code.Contains("AddBccEmulator", StringComparison.Ordinal);

    /// <summary>Gets whether the snippet declares a type at its top level, and so stands as a file of its own.</summary>
    public bool IsFile => TypeDeclaration().IsMatch(Code);

    /// <summary>Reads the C# snippets of README.md, docs/*.md and the packages' PACKAGE.md.</summary>
    public static IEnumerable<DocSnippet> All(string root)
    {
        IEnumerable<string> files = [Path.Combine(root, "README.md"),
            .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md"),
            .. Directory.GetFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories)];
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string[] lines = System.IO.File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() is not ("```csharp" or "```cs"))
                {
                    continue;
                }

                int end = Array.FindIndex(lines, i + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                yield return new DocSnippet(Path.GetRelativePath(root, file).Replace('\\', '/'), i + 1, string.Join('\n', lines[(i + 1)..end]));
                i = end;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^(public |internal )?(sealed |static |abstract )*(partial )?(class|record|interface|struct) ", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
