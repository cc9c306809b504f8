namespace BccCodegen;

/// <summary>
/// Usage: <c>dotnet run --project tools/BccCodegen [-- &lt;repository root&gt;]</c>. Rewrites the generated files from
/// spec/ and removes generated files that spec/ no longer produces.
/// </summary>
internal static class CodegenProgram
{
    public static int Main(string[] args)
    {
        string root = args.Length > 0 ? Path.GetFullPath(args[0]) : Generator.FindRepositoryRoot(Directory.GetCurrentDirectory());
        IReadOnlyDictionary<string, string> files = Generator.Generate(root);
        int written = 0;
        foreach ((string relative, string content) in files)
        {
            string path = Path.Combine(root, relative);
            if (File.Exists(path) && File.ReadAllText(path) == content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            written++;
        }

        int removed = 0;
        foreach (string folder in Generator.OwnedFolders)
        {
            string directory = Path.Combine(root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (string path in Directory.GetFiles(directory, "*.g.cs", SearchOption.AllDirectories))
            {
                if (!files.ContainsKey(Path.GetRelativePath(root, path).Replace('\\', '/')))
                {
                    File.Delete(path);
                    removed++;
                }
            }
        }

        Console.WriteLine($"{files.Count} generated files: {written} written, {removed} removed, {files.Count - written} unchanged.");
        return 0;
    }
}
