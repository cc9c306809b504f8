using BccCodegen.Emit;

namespace BccCodegen.Tests.Emit;

/// <summary>The generated code is written against hand-written runtime types; each name the generator uses exists in the library.</summary>
public sealed class RuntimeNamesTests
{
    [Fact]
    public void EveryRuntimeName_IsATypeOfTheLibrary()
    {
        var library = typeof(BccExtensions.IBccClient).Assembly;

        string[] missing = [.. RuntimeNames.Types.Where(name => library.GetType(name) is null)];

        Assert.NotEmpty(RuntimeNames.Types);
        Assert.Empty(missing);
    }

    [Fact]
    public void JsonContext_LivesWithTheModels()
    {
        var library = typeof(BccExtensions.IBccClient).Assembly;

        Assert.NotNull(library.GetType($"{RuntimeNames.ModelsNamespace}.{RuntimeNames.JsonContext}"));
    }
}
