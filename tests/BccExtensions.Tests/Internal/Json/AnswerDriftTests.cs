using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Json;

/// <summary>
/// The drift suite: every operation's realistic answer, changed one member at a time at every depth, the way a live
/// service drifts (members added, removed, null, empty, of another kind, numbers and flags as text, times in other
/// formats, collections empty). Every answer must still read, and every member that was not changed must read back
/// equal to the undrifted answer.
/// </summary>
public sealed class AnswerDriftTests
{
    /// <summary>Unknown members of each kind, added to every model object.</summary>
    private static readonly JsonObject s_extras = new()
    {
        ["zzExtraScalar"] = 1,
        ["zzExtraText"] = "x",
        ["zzExtraNull"] = null,
        ["zzExtraObject"] = new JsonObject { ["a"] = new JsonArray(1, "b", null) },
        ["zzExtraArray"] = new JsonArray(new JsonObject { ["b"] = 2 }, 3),
    };

    [Theory]
    [MemberData(nameof(AnswerSamples.OperationsWithABody), MemberType = typeof(AnswerSamples))]
    public void Read_EachDriftAtEachMember_SucceedsAndKeepsEveryUnchangedMember(string operation)
    {
        string wireType = AnswerSamples.ResponseOf(operation);
        JsonNode answer = AnswerSamples.Sample(wireType, quirky: false, depth: 0);
        JsonNode baseline = AnswerSamples.RoundTrip(wireType, answer);
        List<Drift> drifts = Drifts(answer, AnswerSamples.TypeInfo(wireType));

        foreach (Drift drift in drifts)
        {
            JsonNode changed = answer.DeepClone();
            drift.Apply(changed);

            JsonNode read = AnswerSamples.RoundTrip(wireType, changed);

            JsonNode expected = baseline.DeepClone();
            if (drift.PathToIgnore is { } path)
            {
                Remove(expected, path);
                JsonNode? readValue = Remove(read, path);
                drift.CheckRead?.Invoke(readValue);
            }

            Assert.True(JsonNode.DeepEquals(expected, read), $"{wireType}, {drift.Name} at {Show(drift.Path)}: expected {expected.ToJsonString()}, read {read.ToJsonString()}");
        }

        Assert.True(drifts.Count > 0 || wireType == "JsonObject", "free-form answers are the only ones no drift applies to");
    }

    [Fact]
    public void Drifts_OfTheInstanceList_ReachEveryDepthAndKind()
    {
        string wireType = AnswerSamples.ResponseOf("ListInstances");
        List<Drift> drifts = Drifts(AnswerSamples.Sample(wireType, quirky: false, depth: 0), AnswerSamples.TypeInfo(wireType));

        Assert.Contains(drifts, d => d.Name == "null" && Show(d.Path) == "instances[0].nicInfo.ips[0].privateIp");
        Assert.Contains(drifts, d => d.Name == "unix date text" && Show(d.Path) == "instances[0].createTime");
        Assert.Contains(drifts, d => d.Name == "unix date text" && Show(d.Path) == "instances[0].nicInfo.createdTime");
        Assert.Contains(drifts, d => d.Name == "extra members" && Show(d.Path) == "instances[0].volumes[0].attachments[0]");
        Assert.Contains(drifts, d => d.Name == "number as text" && Show(d.Path) == "instances[0].cpuCount");
        Assert.Contains(drifts, d => d.Name == "empty collection" && Show(d.Path) == "instances[0].tags");
        Assert.Contains(drifts, d => d.Name == "item of the wrong kind" && Show(d.Path) == "instances[0].nicInfo.securityGroups");
    }

    private static List<Drift> Drifts(JsonNode answer, JsonTypeInfo info)
    {
        var drifts = new List<Drift>();
        Walk(answer, info, [], drifts);
        return drifts;
    }

    private static void Walk(JsonNode? node, JsonTypeInfo info, List<object> path, List<Drift> drifts)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject model:
                drifts.Add(new Drift("extra members", [.. path], target => Add(At(target, path)!.AsObject()), Unchanged: true));
                foreach ((string name, JsonNode? value) in model)
                {
                    JsonPropertyInfo member = info.Properties.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                    List<object> memberPath = [.. path, name];
                    MemberDrifts(value, memberPath, drifts);
                    Walk(value, info.Options.GetTypeInfo(member.PropertyType), memberPath, drifts);
                }

                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray list:
                JsonTypeInfo item = info.Options.GetTypeInfo(info.Type.GetGenericArguments()[^1]);
                JsonNode odd = item.Kind == JsonTypeInfoKind.None ? new JsonObject { ["unexpected"] = true } : "unexpected";
                drifts.Add(new Drift("item of the wrong kind", [.. path], target => At(target, path)!.AsArray().Add(odd.DeepClone()), Unchanged: true));
                for (int i = 0; i < list.Count; i++)
                {
                    Walk(list[i], item, [.. path, i], drifts);
                }

                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                JsonTypeInfo entry = info.Options.GetTypeInfo(info.Type.GetGenericArguments()[^1]);
                foreach ((string key, JsonNode? value) in map)
                {
                    Walk(value, entry, [.. path, key], drifts);
                }

                break;
        }
    }

    private static void MemberDrifts(JsonNode? value, List<object> path, List<Drift> drifts)
    {
        drifts.Add(new Drift("null", path, target => Set(target, path, null)));
        drifts.Add(new Drift("absent", path, target => At(target, path[..^1])!.AsObject().Remove((string)path[^1])));
        drifts.Add(new Drift("empty text", path, target => Set(target, path, "")));
        drifts.Add(new Drift("wrong kind", path, target => Set(target, path, value is JsonValue ? new JsonObject { ["unexpected"] = true } : "unexpected")));
        switch (value?.GetValueKind())
        {
            case JsonValueKind.Number:
                drifts.Add(new Drift("number as text", path, target => Set(target, path, value.ToJsonString()), Unchanged: true));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                drifts.Add(new Drift("flag as text", path, target => Set(target, path, value.ToJsonString()), Unchanged: true));
                drifts.Add(new Drift("flag as 1/0", path, target => Set(target, path, value.GetValue<bool>() ? 1 : 0), Unchanged: true));
                break;
            case JsonValueKind.Array:
                drifts.Add(new Drift("empty collection", path, target => Set(target, path, new JsonArray())));
                break;
            case JsonValueKind.String when value.GetValue<string>() == AnswerSamples.IsoTime:
                // Other time formats never become a guessed instant: the member reads as null or keeps the text.
                drifts.Add(new Drift("space-separated time", path, target => Set(target, path, "2024-01-02 03:04:05"), CheckRead: TextOrNull("2024-01-02 03:04:05")));
                drifts.Add(new Drift("unix date text", path, target => Set(target, path, "Tue Jan  2 11:04:05 UTC 2024"), CheckRead: TextOrNull("Tue Jan  2 11:04:05 UTC 2024")));
                break;
        }
    }

    private static Action<JsonNode?> TextOrNull(string text) => read =>
        Assert.True(read is null || read.GetValue<string>() == text, $"read {read?.ToJsonString()} from '{text}'");

    private static void Add(JsonObject model)
    {
        foreach ((string name, JsonNode? value) in s_extras)
        {
            model[name] = value?.DeepClone();
        }
    }

    private static JsonNode? At(JsonNode node, IEnumerable<object> path)
    {
        JsonNode? current = node;
        foreach (object step in path)
        {
            current = step is int index ? current?.AsArray()[index] : current?.AsObject()[(string)step];
        }

        return current;
    }

    private static void Set(JsonNode target, List<object> path, JsonNode? value) => At(target, path[..^1])!.AsObject()[(string)path[^1]] = value;

    /// <summary>Removes the member at the path from a written model, if it is there, and returns it.</summary>
    private static JsonNode? Remove(JsonNode node, List<object> path)
    {
        if (At(node, path[..^1]) is not JsonObject parent || !parent.TryGetPropertyValue((string)path[^1], out JsonNode? value))
        {
            return null;
        }

        parent.Remove((string)path[^1]);
        return value is JsonArray { Count: 0 } or JsonObject { Count: 0 } ? null : value;
    }

    private static string Show(List<object>? path) =>
        path is null ? "$" : string.Concat(path.Select((step, i) => step is int index ? $"[{index}]" : (i == 0 ? "" : ".") + step));

    /// <param name="Name">The kind of drift.</param>
    /// <param name="Path">The member it changes, or the object it adds to.</param>
    /// <param name="Apply">Changes a copy of the answer.</param>
    /// <param name="Unchanged">The drift changes no value: the whole answer must read back equal.</param>
    /// <param name="CheckRead">A check of what the changed member read as.</param>
    private sealed record Drift(string Name, List<object> Path, Action<JsonNode> Apply, bool Unchanged = false, Action<JsonNode?>? CheckRead = null)
    {
        public List<object>? PathToIgnore => Unchanged ? null : Path;
    }
}
