namespace BccExtensions.Tests.Helpers;

/// <summary>
/// A file in the repository that a test renders (a report, a schema): the test fails while the checked-in copy differs,
/// and writes it instead when run with <c>BCC_UPDATE_FILES=1</c>.
/// </summary>
public static class CheckedInFile
{
    /// <summary>Asserts that the file at <paramref name="relativePath"/> (from the repository root) holds <paramref name="expected"/>.</summary>
    public static void AssertCurrent(string relativePath, string expected, string testFilter)
    {
        string path = Path.Combine(SpecFiles.RepositoryRoot, relativePath);
        if (Environment.GetEnvironmentVariable("BCC_UPDATE_FILES") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            $"{relativePath} is out of date: BCC_UPDATE_FILES=1 dotnet test --filter {testFilter}");
    }
}
