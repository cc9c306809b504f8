using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Json;

/// <summary>
/// Reads a 2xx answer into its model, tolerant by rule (docs/reading-answers.md): a member that cannot be read as its
/// declared type reads as null or the default, <c>null</c> reads as the default, unknown members are ignored, and
/// collections are never null. Well-formed answers take one pass through the source-generated reader; only an answer
/// that pass refuses is walked member by member against the model's metadata, repaired and read again, and each repair
/// is logged once per (operation, JSON path) and logger (so once per process for one host), never with the value.
/// </summary>
internal static class BccAnswerReader
{
    /// <summary>Bodies up to this size are checked for an error shape sent with a 2xx status.</summary>
    private const int MaxErrorShapeBytes = 4096;

    private static readonly byte[] s_emptyObject = "{}"u8.ToArray();
    private static readonly byte[] s_emptyList = "[]"u8.ToArray();
    // Per logger, which is one per service provider: a process with one host logs each repair once.
    private static readonly ConditionalWeakTable<ILogger, ConcurrentDictionary<(string Operation, string Path), bool>> s_logged = new();
    private static readonly ConcurrentDictionary<JsonTypeInfo, Dictionary<string, JsonPropertyInfo>> s_members = new();

    /// <summary>Reads an answer; an empty body or JSON <c>null</c> reads as <c>{}</c> (or <c>[]</c> for a bare list).</summary>
    /// <exception cref="JsonException">The body is not JSON, or its root is not the shape of <typeparamref name="T"/>.</exception>
    /// <exception cref="BccServiceException">The body is a BCE error (<c>code</c> and <c>message</c>) sent with a 2xx status.</exception>
    public static T Read<T>(byte[] body, JsonTypeInfo<T> typeInfo, string operation, HttpStatusCode status, string? headerRequestId, ILogger logger) =>
        (T)Read(body, (JsonTypeInfo)typeInfo, operation, status, headerRequestId, logger);

    /// <inheritdoc cref="Read{T}"/>
    public static object Read(byte[] body, JsonTypeInfo typeInfo, string operation, HttpStatusCode status, string? headerRequestId, ILogger logger)
    {
        if (body.Length == 0)
        {
            body = typeInfo.Kind == JsonTypeInfoKind.Enumerable ? s_emptyList : s_emptyObject;
        }

        ThrowIfErrorShape(body, typeInfo, status, headerRequestId);
        try
        {
            if (JsonSerializer.Deserialize(body, typeInfo) is { } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // A member drifted (or the body is not JSON at all): the member-by-member path below tells which.
        }

        return Repair(body, typeInfo, operation, logger);
    }

    private static object Repair(byte[] body, JsonTypeInfo typeInfo, string operation, ILogger logger)
    {
        var repairs = new List<(string Path, string Problem)>();
        try
        {
            JsonNode? root = JsonNode.Parse(body);
            if (root is null)
            {
                repairs.Add(("$", "a JSON null answer; read as empty"));
                root = typeInfo.Kind == JsonTypeInfoKind.Enumerable ? new JsonArray() : new JsonObject();
            }

            if (!IsReadable(root, typeInfo, "$", repairs))
            {
                throw new JsonException($"The answer is a JSON {root.GetValueKind()}, not the shape of the model.");
            }

            object value = root.Deserialize(typeInfo) ?? throw new JsonException("The answer read as null.");
            ConcurrentDictionary<(string Operation, string Path), bool> logged = s_logged.GetOrCreateValue(logger);
            foreach ((string path, string problem) in repairs)
            {
                if (logged.TryAdd((operation, path), true))
                {
                    JsonLog.AnswerMemberRepaired(logger, operation, path, problem);
                }
            }

            return value;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new JsonException($"BCC {operation} returned a body that is not a valid {typeInfo.Type.Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Repairs <paramref name="node"/> in place; returns false when it cannot be read as the type at all.</summary>
    private static bool IsReadable(JsonNode? node, JsonTypeInfo info, string path, List<(string Path, string Problem)> repairs)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject model:
                RepairMembers(model, info, path, repairs);
                return true;
            case JsonTypeInfoKind.Enumerable when node is JsonArray list:
                RepairItems(list, info.Options.GetTypeInfo(ItemType(info)), path, repairs);
                return true;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                RepairEntries(map, info.Options.GetTypeInfo(ItemType(info)), path, repairs);
                return true;
            case JsonTypeInfoKind.Object or JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary:
                return node is null;
            default:
                return IsReadableValue(node, info);
        }
    }

    private static void RepairMembers(JsonObject model, JsonTypeInfo info, string path, List<(string Path, string Problem)> repairs)
    {
        Dictionary<string, JsonPropertyInfo> members = s_members.GetOrAdd(info, MembersOf);
        foreach (string name in model.Select(member => member.Key).ToList())
        {
            if (!members.TryGetValue(name, out JsonPropertyInfo? member))
            {
                continue; // Unknown members are ignored by the serializer too.
            }

            JsonNode? value = model[name];
            string memberPath = path + "." + member.Name;
            if (!IsReadable(value, info.Options.GetTypeInfo(member.PropertyType), memberPath, repairs))
            {
                model.Remove(name);
                repairs.Add((memberPath, Problem(value, member.PropertyType)));
            }
        }
    }

    // The wire models' collections are IReadOnlyList<T> and IReadOnlyDictionary<string, T>: the item is the last type argument.
    private static Type ItemType(JsonTypeInfo info) => info.Type.GetGenericArguments()[^1];

    private static Dictionary<string, JsonPropertyInfo> MembersOf(JsonTypeInfo info)
    {
        var members = new Dictionary<string, JsonPropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonPropertyInfo property in info.Properties)
        {
            members.TryAdd(property.Name, property); // The serializer matches names case-insensitively too.
        }

        return members;
    }

    private static void RepairItems(JsonArray list, JsonTypeInfo item, string path, List<(string Path, string Problem)> repairs)
    {
        string itemPath = path + "[]";
        var unreadable = new List<int>();
        for (int i = 0; i < list.Count; i++)
        {
            if (!IsReadable(list[i], item, itemPath, repairs))
            {
                unreadable.Add(i);
                repairs.Add((itemPath, Problem(list[i], item.Type) + "; the item is left out"));
            }
        }

        for (int i = unreadable.Count - 1; i >= 0; i--)
        {
            list.RemoveAt(unreadable[i]);
        }
    }

    private static void RepairEntries(JsonObject map, JsonTypeInfo entry, string path, List<(string Path, string Problem)> repairs)
    {
        string entryPath = path + ".*";
        foreach (string key in map.Select(pair => pair.Key).ToList())
        {
            JsonNode? value = map[key];
            if (!IsReadable(value, entry, entryPath, repairs))
            {
                map.Remove(key);
                repairs.Add((entryPath, Problem(value, entry.Type) + "; the entry is left out"));
            }
        }
    }

    private static bool IsReadableValue(JsonNode? node, JsonTypeInfo info)
    {
        if (node is null && (info.Type.IsPrimitive || info.Type == typeof(decimal)))
        {
            return false; // Spares an exception for the common case: null where a number or flag is expected.
        }

        try
        {
            _ = node.Deserialize(info);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static string Problem(JsonNode? value, Type expected)
    {
        string kind = value is null ? "null" : value.GetValueKind().ToString().ToLowerInvariant();
        Type shown = Nullable.GetUnderlyingType(expected) ?? expected;
        return $"a JSON {kind} where {Describe(shown)} is expected; read as {(expected.IsValueType && Nullable.GetUnderlyingType(expected) is null ? "the default" : "empty or null")}";
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "a flag",
        _ when type == typeof(string) => "text",
        _ when type == typeof(DateTimeOffset) => "an ISO 8601 time",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) => "an object of " + type.GetGenericArguments()[1].Name,
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "a list of " + type.GetGenericArguments()[0].Name,
        _ => type.Name,
    };

    /// <summary>
    /// A small 2xx body with string <c>code</c> and <c>message</c> members, when the model has neither, is a BCE error
    /// sent with the wrong status; reading it as an empty model would report success for a call that failed.
    /// </summary>
    private static void ThrowIfErrorShape(byte[] body, JsonTypeInfo info, HttpStatusCode status, string? headerRequestId)
    {
        if (body.Length > MaxErrorShapeBytes || info.Kind != JsonTypeInfoKind.Object || body.AsSpan().TrimStart(" \t\r\n"u8) is not [(byte)'{', ..])
        {
            return;
        }

        // A vectorized search first: most answers have no "code" member anywhere, and parsing them a second time
        // cost as much as a third of reading them. BCE writes member names unescaped.
        if (body.AsSpan().IndexOf("\"code\""u8) < 0)
        {
            return;
        }

        Dictionary<string, JsonPropertyInfo> members = s_members.GetOrAdd(info, MembersOf);
        if (!members.ContainsKey("code") && !members.ContainsKey("message")
            && BceError.FromSuccessBody(status, body, headerRequestId) is { } error)
        {
            throw error;
        }
    }
}
