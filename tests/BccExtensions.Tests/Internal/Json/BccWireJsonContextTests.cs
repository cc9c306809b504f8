using System.Text.Json;
using BccExtensions.Internal.Json;

namespace BccExtensions.Tests.Internal.Json;

public sealed class BccWireJsonContextTests
{
    [Fact]
    public void Options_SameAsTheModelsContext()
    {
        // The hand-written wire types and the generated models are read alike; the attribute is written twice (the
        // generator owns one copy), so this holds the two together.
        JsonSerializerOptions wire = BccWireJsonContext.Default.Options;
        JsonSerializerOptions models = BccJsonContext.Default.Options;

        Assert.Equal(models.PropertyNamingPolicy?.GetType(), wire.PropertyNamingPolicy?.GetType());
        Assert.Equal(models.DefaultIgnoreCondition, wire.DefaultIgnoreCondition);
        Assert.Equal(models.NumberHandling, wire.NumberHandling);
        Assert.Equal(models.PropertyNameCaseInsensitive, wire.PropertyNameCaseInsensitive);
        Assert.Equal(models.Converters.Select(c => c.GetType()), wire.Converters.Select(c => c.GetType()));
        Assert.Equal(3, wire.Converters.Count);
    }
}
