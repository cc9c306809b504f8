using System.Text.Json;
using System.Text.Json.Serialization;

namespace BccExtensions.Tests.Models;

/// <summary>An application writes models as JSON without reflection: through BccJson.TypeInfoResolver, or its own context.</summary>
public sealed partial class BccJsonTests
{
    private static readonly JsonSerializerOptions s_resolverOnly = new(JsonSerializerDefaults.Web) { TypeInfoResolver = BccJson.TypeInfoResolver };

    [Fact]
    public void TypeInfoResolver_CoversEveryModel()
    {
        Type[] models = [.. typeof(IBccClient).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "BccExtensions.Models" && (t.IsClass || t.IsValueType) && !t.IsAbstract && !t.IsGenericTypeDefinition)];

        Assert.True(models.Length > 350, $"{models.Length} models");
        Assert.Empty(models.Where(model => BccJson.TypeInfoResolver.GetTypeInfo(model, s_resolverOnly) is null).Select(model => model.Name));
    }

    [Fact]
    public async Task TypeInfoResolver_WritesWhatListersReturn()
    {
        BccInstance instance = new() { Id = "i-1", Status = InstanceStatus.Running, CreateTime = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero) };
        using var stream = new MemoryStream();

        await JsonSerializer.SerializeAsync(stream, Stream(instance), s_resolverOnly);
        string page = JsonSerializer.Serialize(new BccPage<BccInstance> { Items = [instance] }, s_resolverOnly);

        string listed = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("[{", listed, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"i-1\"", listed, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Running\"", listed, StringComparison.Ordinal);
        Assert.Contains("\"createTime\":\"2026-12-02T08:00:00+00:00\"", listed, StringComparison.Ordinal);
        Assert.StartsWith("{\"items\":[{", page, StringComparison.Ordinal);
        Assert.Equal("\"Running\"", JsonSerializer.Serialize(InstanceStatus.Running, s_resolverOnly));
    }

    [Fact]
    public void TypeInfoResolver_ChainedAfterTheApplicationsOwn_ServesTheModels()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Add(ApplicationJson.Default);
        options.TypeInfoResolverChain.Add(BccJson.TypeInfoResolver);

        Assert.Contains("\"id\":\"v-1\"", JsonSerializer.Serialize(new BccVolume { Id = "v-1" }, options), StringComparison.Ordinal);
        Assert.Equal("""{"answer":42}""", JsonSerializer.Serialize(new Reply(42), options));
    }

    [Fact]
    public void ApplicationContext_OverTheModels_ReadsAndWritesThem()
    {
        // This context compiling without SYSLIB1220/SYSLIB1030 (warnings are errors here) is half the test.
        string json = JsonSerializer.Serialize(new BccInstance { Id = "i-1", Status = InstanceStatus.Stopped }, ApplicationJson.Default.BccInstance);
        BccInstance read = JsonSerializer.Deserialize(json, ApplicationJson.Default.BccInstance)!;

        Assert.Equal(("i-1", InstanceStatus.Stopped), (read.Id, read.Status));
    }

    private static async IAsyncEnumerable<BccInstance> Stream(BccInstance instance)
    {
        await Task.Yield();
        yield return instance;
    }

    private sealed record Reply(int Answer);

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(BccInstance))]
    [JsonSerializable(typeof(Reply))]
    private sealed partial class ApplicationJson : JsonSerializerContext;
}
