using System.Collections;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using System.Text;
using BccExtensions.Internal.Json;
using BccExtensions.Models;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Tests.Internal.Json;

public sealed class BccAnswerReaderTests
{
    public static TheoryData<string> ResponseTypes
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (string wireType in ((IEnumerable<object[]>)AnswerSamples.OperationsWithABody).Select(row => AnswerSamples.ResponseOf((string)row[0])).Distinct())
            {
                names.Add(wireType);
            }

            return names;
        }
    }

    [Theory]
    [MemberData(nameof(ResponseTypes))]
    public void Read_EmptyObjectOrNull_EveryCollectionEmptyAtEveryDepth(string wireType)
    {
        JsonTypeInfo info = AnswerSamples.TypeInfo(wireType);

        foreach (string body in info.Kind == JsonTypeInfoKind.Enumerable ? ["[]", "null", ""] : new[] { "{}", "null", "" })
        {
            object read = Read(body, info, out _);

            AssertNoNullCollection(read, wireType, depth: 0);
        }

        // Nested models too: a sample whose collections are all null.
        object nested = Read(NullCollections(wireType), info, out _);
        AssertNoNullCollection(nested, wireType, depth: 0);
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05+00:00")]
    [InlineData("2024-01-02T11:04:05+08:00", "2024-01-02T03:04:05+00:00")]
    [InlineData("2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.1230000+00:00")]
    public void Read_IsoTimeWithAZone_ReadsTheInstant(string text, string expected)
    {
        var volume = (ListVolumesResponse)Read($$"""{"volumes":[{"id":"v-1","createTime":"{{text}}"}]}""", BccJsonContext.Default.ListVolumesResponse, out List<string> warnings);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), volume.Volumes[0].CreateTime);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("2024-01-02 03:04:05")]
    [InlineData("2024-01-02T03:04:05")]
    [InlineData("Tue Jan  2 11:04:05 UTC 2024")]
    [InlineData("1704164645")]
    public void Read_TimeWithoutAClearZone_NullAndLoggedNeverGuessed(string text)
    {
        var volume = (ListVolumesResponse)Read($$"""{"volumes":[{"id":"v-1","createTime":"{{text}}"}]}""", BccJsonContext.Default.ListVolumesResponse, out List<string> warnings);

        Assert.Null(volume.Volumes[0].CreateTime);
        Assert.Equal("v-1", volume.Volumes[0].Id);
        string warning = Assert.Single(warnings);
        Assert.Contains("$.volumes[].createTime with a JSON string where an ISO 8601 time is expected", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(text, warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public void Read_EmptyTime_NullWithoutAWarning(string text)
    {
        string value = text == "null" ? "null" : "\"\"";
        var volume = (ListVolumesResponse)Read($$"""{"volumes":[{"id":"v-1","expireTime":{{value}}}]}""", BccJsonContext.Default.ListVolumesResponse, out List<string> warnings);

        Assert.Null(volume.Volumes[0].ExpireTime);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_ErrorBodyWithA2xxStatus_BccServiceExceptionWithTheCode()
    {
        byte[] body = """{"requestId":"r-1","code":"InternalError","message":"try later"}"""u8.ToArray();

        BccServiceException error = Assert.Throws<BccServiceException>(() => BccAnswerReader.Read(body, BccJsonContext.Default.ListZonesResponse, "ListZones", HttpStatusCode.OK, null, NullLogger.Instance));

        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Equal("r-1", error.RequestId);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Theory]
    [InlineData("<html>busy</html>")]
    [InlineData("{\"zones\":[")]
    [InlineData("[]")]
    [InlineData("\"zones\"")]
    public void Read_NotJsonOrNotAnObject_JsonExceptionNamingTheOperation(string body)
    {
        JsonException error = Assert.Throws<JsonException>(() => BccAnswerReader.Read(Encoding.UTF8.GetBytes(body), BccJsonContext.Default.ListZonesResponse, "ListZones", HttpStatusCode.OK, null, NullLogger.Instance));

        Assert.StartsWith("BCC ListZones returned a body that is not a valid ListZonesResponse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OddItemsAndEntries_LeftOutAndLogged()
    {
        var zones = (ListZonesResponse)Read("""{"zones":[{"zoneName":"cn-bj-a"},"cn-bj-b",7,{"zoneName":"cn-bj-c"}]}""", BccJsonContext.Default.ListZonesResponse, out List<string> warnings);

        Assert.Equal(["cn-bj-a", "cn-bj-c"], zones.Zones.Select(z => z.ZoneName));
        Assert.Contains("$.zones[] with a JSON string where BccZone is expected; read as empty or null; the item is left out", Assert.Single(warnings), StringComparison.Ordinal); // Once per path.
    }

    [Fact]
    public void Read_SameRepairTwice_LoggedOnce()
    {
        var logs = new CapturingLoggerProvider();
        ILogger logger = logs.CreateLogger("test");
        byte[] body = """{"maxKeys":null}"""u8.ToArray();

        BccAnswerReader.Read(body, BccJsonContext.Default.ListInstancesResponse, "ListInstances", HttpStatusCode.OK, null, logger);
        BccAnswerReader.Read(body, BccJsonContext.Default.ListInstancesResponse, "ListInstances", HttpStatusCode.OK, null, logger);
        BccAnswerReader.Read(body, BccJsonContext.Default.ListVolumesResponse, "ListVolumes", HttpStatusCode.OK, null, logger);

        Assert.Equal(2, logs.Entries.Count);
    }

    private static object Read(string body, JsonTypeInfo info, out List<string> warnings)
    {
        var logs = new CapturingLoggerProvider();
        object value = BccAnswerReader.Read(Encoding.UTF8.GetBytes(body), info, "Test", HttpStatusCode.OK, null, logs.CreateLogger("test"));
        warnings = [.. logs.Entries];
        return value;
    }

    /// <summary>
    /// The realistic sample with every collection of values replaced by null at every depth; lists of models are kept
    /// so their members are reached (a null list of models at each depth is one of the drift suite's drifts).
    /// </summary>
    private static string NullCollections(string wireType)
    {
        JsonNode sample = AnswerSamples.Sample(wireType, quirky: false, depth: 0);
        Nullify(sample);
        return sample.ToJsonString();

        static void Nullify(JsonNode? node)
        {
            if (node is not JsonObject model)
            {
                return;
            }

            foreach (string name in model.Select(m => m.Key).ToList())
            {
                if (model[name] is JsonArray list && !list.Any(item => item is JsonObject))
                {
                    model[name] = null;
                }
                else if (model[name] is JsonArray models)
                {
                    foreach (JsonNode? item in models)
                    {
                        Nullify(item);
                    }
                }
                else
                {
                    Nullify(model[name]);
                }
            }
        }
    }

    private static void AssertNoNullCollection(object? model, string path, int depth)
    {
        if (model is null || depth > 6 || model is string || model.GetType().IsPrimitive || model.GetType().Namespace != "BccExtensions.Models")
        {
            return;
        }

        foreach (System.Reflection.PropertyInfo property in model.GetType().GetProperties())
        {
            Type type = property.PropertyType;
            bool isCollection = type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
            object? value = property.GetValue(model);
            if (isCollection)
            {
                Assert.True(value is not null, $"{path}.{property.Name} is null");
                foreach (object? item in (IEnumerable)value!)
                {
                    AssertNoNullCollection(item, path + "." + property.Name + "[]", depth + 1);
                }
            }
            else if (!type.IsValueType)
            {
                AssertNoNullCollection(value, path + "." + property.Name, depth + 1);
            }
        }
    }
}
