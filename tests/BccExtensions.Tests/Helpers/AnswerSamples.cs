using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using BccExtensions.Internal.Json;
using BccExtensions.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Tests.Helpers;

/// <summary>Realistic answers for every operation, built from spec/bcc-responses.json, and their generated model types.</summary>
public static class AnswerSamples
{
    /// <summary>Extra operations are keyed by Go method, and one (CreateBidInstance) shares a metadata name.</summary>
    public const string ExtraPrefix = "extra:";

    /// <summary>An ISO 8601 time as the samples write it.</summary>
    public const string IsoTime = "2024-01-02T03:04:05Z";

    private const int MaxDepth = 4;
    private static readonly JsonObject s_responses = SpecFiles.Load("bcc-responses.json");
    private static readonly JsonObject s_map = SpecFiles.Load("operation-map.json");

    /// <summary>Gets every operation that answers with a body.</summary>
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

    public static JsonObject Responses => s_responses;

    public static string ResponseOf(string operation)
    {
        JsonNode facts = operation.StartsWith(ExtraPrefix, StringComparison.Ordinal)
            ? s_responses["extraOperations"]![operation[ExtraPrefix.Length..]]!
            : s_responses["operations"]![operation]!;
        return facts["response"]!.GetValue<string>();
    }

    /// <summary>Reads an answer as the client does and writes the model back, to compare what was read.</summary>
    public static JsonNode RoundTrip(string wireType, JsonNode? answer, ILogger? logger = null, string operation = "Sample")
    {
        JsonTypeInfo info = TypeInfo(wireType);
        byte[] body = System.Text.Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "null");
        object value = BccAnswerReader.Read(body, info, operation, System.Net.HttpStatusCode.OK, null, logger ?? NullLogger.Instance);
        return JsonNode.Parse(JsonSerializer.Serialize(value, info))!;
    }

    public static JsonTypeInfo TypeInfo(string wireType)
    {
        Type type = wireType switch
        {
            "StringList" => typeof(IReadOnlyList<string>),
            "JsonObject" => typeof(IReadOnlyDictionary<string, JsonElement>),
            _ => typeof(IBccClient).Assembly.GetType("BccExtensions.Models." + (s_map["typeNames"]![wireType]?.GetValue<string>() ?? wireType), throwOnError: true)!,
        };
        return BccJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type} is not in BccJsonContext.");
    }

    public static JsonNode Sample(string wireType, bool quirky, int depth)
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
            "string" when name.EndsWith("Time", StringComparison.Ordinal) && !field["array"]!.GetValue<bool>() && !field["map"]!.GetValue<bool>() => IsoTime,
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
