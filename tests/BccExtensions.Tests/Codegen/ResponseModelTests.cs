using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BccExtensions.Internal;
using BccExtensions.Tests.Support;

namespace BccExtensions.Tests.Codegen;

/// <summary>
/// Reads an answer built from spec/bcc-responses.json for every operation that returns a body: every field must
/// survive, and the service's quirks (numbers and flags as strings, strings as numbers) must read the same.
/// </summary>
public sealed class ResponseModelTests
{
    private const int MaxDepth = 4;
    private const string ExtraPrefix = "extra:";
    private static readonly JsonObject s_responses = SpecFiles.Load("bcc-responses.json");
    private static readonly JsonObject s_map = SpecFiles.Load("operation-map.json");

    public static TheoryData<string> OperationsWithABody
    {
        get
        {
            var names = new TheoryData<string>();
            foreach ((string name, JsonNode? facts) in s_responses["operations"]!.AsObject())
            {
                if (facts!["response"] is not null)
                {
                    names.Add(name);
                }
            }

            // Extra operations are keyed by Go method, and one (CreateBidInstance) shares a metadata name.
            foreach ((string name, JsonNode? facts) in s_responses["extraOperations"]!.AsObject())
            {
                if (facts!["response"] is not null)
                {
                    names.Add(ExtraPrefix + name);
                }
            }

            return names;
        }
    }

    [Fact]
    public void OperationsWithABody_AreTheOnesTheSpecCounts()
    {
        Assert.Equal(110, s_responses["operations"]!.AsObject().Count(o => o.Value!["response"] is not null));
        Assert.Equal(219, s_responses["types"]!.AsObject().Count);
    }

    [Theory]
    [MemberData(nameof(OperationsWithABody))]
    public void Deserialize_RealisticAnswer_KeepsEveryField(string operation)
    {
        string wireType = ResponseOf(operation);
        JsonNode answer = Sample(wireType, quirky: false, depth: 0);

        JsonNode written = RoundTrip(wireType, answer);

        if (answer is JsonObject fields)
        {
            foreach ((string name, JsonNode? value) in fields)
            {
                Assert.True(JsonNode.DeepEquals(value, written[name]), $"{wireType}.{name}: sent {value?.ToJsonString()}, read back {written[name]?.ToJsonString()}");
            }
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(answer, written), wireType);
        }
    }

    [Theory]
    [MemberData(nameof(OperationsWithABody))]
    public void Deserialize_NumbersAndFlagsAsStrings_ReadsTheSameValues(string operation)
    {
        string wireType = ResponseOf(operation);

        JsonNode plain = RoundTrip(wireType, Sample(wireType, quirky: false, depth: 0));
        JsonNode quirky = RoundTrip(wireType, Sample(wireType, quirky: true, depth: 0));

        Assert.True(JsonNode.DeepEquals(plain, quirky), $"{wireType}: {plain.ToJsonString()} vs {quirky.ToJsonString()}");
    }

    private static string ResponseOf(string operation)
    {
        JsonNode facts = operation.StartsWith(ExtraPrefix, StringComparison.Ordinal)
            ? s_responses["extraOperations"]![operation[ExtraPrefix.Length..]]!
            : s_responses["operations"]![operation]!;
        return facts["response"]!.GetValue<string>();
    }

    private static JsonNode RoundTrip(string wireType, JsonNode answer)
    {
        JsonTypeInfo info = TypeInfo(wireType);
        object value = JsonSerializer.Deserialize(answer.ToJsonString(), info) ?? throw new InvalidOperationException("null");
        return JsonNode.Parse(JsonSerializer.Serialize(value, info))!;
    }

    private static JsonTypeInfo TypeInfo(string wireType)
    {
        Type type = wireType switch
        {
            "StringList" => typeof(IReadOnlyList<string>),
            "JsonObject" => typeof(JsonObject),
            _ => typeof(IBccClient).Assembly.GetType("BccExtensions." + (s_map["typeNames"]![wireType]?.GetValue<string>() ?? wireType), throwOnError: true)!,
        };
        return BccJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type} is not in BccJsonContext.");
    }

    private static JsonNode Sample(string wireType, bool quirky, int depth)
    {
        JsonObject shape = s_responses["types"]![wireType]!.AsObject();
        switch (shape["kind"]?.GetValue<string>())
        {
            case "bareArray":
                return new JsonArray("a", "b");
            case "freeForm":
                return new JsonObject { ["progress"] = 50, ["state"] = "deleting" };
        }

        var answer = new JsonObject();
        foreach (JsonNode? field in shape["fields"]!.AsArray())
        {
            string name = field!["json"]!.GetValue<string>();
            if (answer.Any(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // One property reads both spellings (ipv6Addresses / Ipv6Addresses).
            }

            JsonNode? value = Value(field.AsObject(), name, quirky, depth);
            if (value is not null)
            {
                answer[name] = field["array"]!.GetValue<bool>() ? new JsonArray(value)
                    : field["map"]!.GetValue<bool>() ? new JsonObject { ["k"] = value }
                    : value;
            }
        }

        return answer;
    }

    private static JsonNode? Value(JsonObject field, string name, bool quirky, int depth)
    {
        string type = field["type"]!.GetValue<string>();
        string? enumName = s_map["fieldEnums"]![name]?.GetValue<string>() ?? field["enum"]?.GetValue<string>();
        return type switch
        {
            "string" when enumName is not null => EnumValue(enumName),
            "string" when name.EndsWith("Time", StringComparison.Ordinal) && !field["array"]!.GetValue<bool>() && !field["map"]!.GetValue<bool>() => "2024-01-02T03:04:05Z",
            "string" => quirky ? JsonValue.Create(7) : "7",
            "int" => quirky ? "7" : JsonValue.Create(7),
            "long" => quirky ? "9007199254740993" : JsonValue.Create(9007199254740993L),
            "double" => quirky ? "1.5" : JsonValue.Create(1.5),
            "bool" => quirky ? "true" : JsonValue.Create(true),
            "object" or "JsonObject" => new JsonObject { ["k"] = "v" },
            _ when depth < MaxDepth => Sample(type, quirky, depth + 1),
            _ => null,
        };
    }

    private static JsonNode EnumValue(string enumName)
    {
        JsonNode values = s_responses["enums"]![enumName]?["values"] ?? s_map["enums"]![enumName]!;
        return values.AsArray()[0]!.GetValue<string>();
    }
}
