using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Clients;

/// <summary>
/// Calls every generated method with every argument set and checks the request against spec/ itself
/// (Baidu's metadata, the extra operations and the mapping), not against the generator's reading of it.
/// </summary>
public sealed class OperationWireTests
{
    private static readonly IReadOnlyDictionary<string, JsonObject> s_operations = SpecFiles.Operations();
    private static readonly JsonObject s_map = SpecFiles.Load("operation-map.json");

    public static TheoryData<string> OperationNames => new(s_operations.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Samples_CoverEveryOperationOfTheSpec()
    {
        Assert.Equal(182, Directory.GetFiles(Path.Combine(SpecFiles.RepositoryRoot, "spec", "bcc"), "*.json").Length);
        Assert.Equal(218, s_operations.Count);
        Assert.Equal(s_operations.Keys.Order(StringComparer.Ordinal), OperationSamples.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Call_SendsTheMethodPathQueryAndBodyOfTheSpec(string operation)
    {
        ExpectedRequest expected = Expect(operation);
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));

        try
        {
            await OperationSamples.All[operation](host.Client);
        }
        catch (JsonException)
        {
            // "{}" is not every operation's answer (bare lists, unwrapped fields); only the request matters here.
        }

        RecordedRequest request = Assert.Single(host.Stub.Requests);
        SdkRequest sent = SdkRequest.From(request);
        Assert.Equal(expected.Method, request.Method);
        Assert.Equal(expected.Path, request.Uri.AbsolutePath);
        var query = sent.Query.ToDictionary(q => q.Name, q => q.Value ?? string.Empty, StringComparer.Ordinal);
        Assert.Equal(expected.Query.Order(StringComparer.Ordinal), query.Keys.Order(StringComparer.Ordinal));
        foreach ((string name, string value) in expected.QueryValues)
        {
            Assert.Equal(value, query[name]);
        }

        Assert.Equal(expected.Body.Order(StringComparer.Ordinal), (sent.Body?.AsObject().Select(p => p.Key) ?? []).Order(StringComparer.Ordinal));
        foreach (string field in expected.Encrypted)
        {
            Assert.Equal("x", TestHost.DecryptPassword(sent.Body![field]!.GetValue<string>()));
        }
    }

    private static ExpectedRequest Expect(string operation)
    {
        JsonObject definition = s_operations[operation];
        JsonObject entry = s_map["operations"]![operation]!.AsObject();
        List<JsonObject> parameters = Parameters(definition);
        if (parameters.Count == 0 && entry["aliasOf"]?.GetValue<string>() is { } target)
        {
            parameters = Parameters(s_operations[target]);
        }

        JsonObject fixedValues = entry["fixed"]?.AsObject() ?? [];
        string uri = s_map["uriFixes"]?[operation]?.GetValue<string>() ?? definition["uri"]!.GetValue<string>();
        string version = parameters.FirstOrDefault(p => Name(p) == "version")?["default"]?.GetValue<string>() ?? string.Empty;
        string[] parts = uri.Split('?', 2);
        string path = System.Text.RegularExpressions.Regex.Replace(
            parts[0].Replace("{version}", version, StringComparison.Ordinal),
            @"\{(\w+)\}",
            hole => fixedValues[hole.Groups[1].Value]?.GetValue<string>() ?? hole.Groups[1].Value + "-1");

        var query = parameters.Where(p => Position(p) == "QUERY").Select(Name).ToList();
        var values = parameters.Where(p => Position(p) == "QUERY" && fixedValues.ContainsKey(Name(p)))
            .Select(p => KeyValuePair.Create(Name(p), fixedValues[Name(p)]!.GetValue<string>())).ToList();
        if (parts.Length == 2)
        {
            string[] pair = parts[1].Split('=', 2);
            query.Add(pair[0]);
            values.Add(KeyValuePair.Create(pair[0], pair.Length == 2 ? pair[1] : string.Empty));
        }

        if (TakesClientToken(operation, definition))
        {
            query.Add("clientToken");
            values.Add(KeyValuePair.Create("clientToken", "token-1"));
        }

        var body = parameters.Where(p => Position(p) == "BODY").Select(Name).ToList();
        var encrypted = SpecFiles.Facts(operation, definition)["encryptedFields"]!.AsArray().Select(f => f!.GetValue<string>()).Intersect(body).ToList();
        return new ExpectedRequest(definition["method"]!.GetValue<string>(), path, query, values, body, encrypted);
    }

    private static List<JsonObject> Parameters(JsonObject definition)
    {
        var parameters = new List<JsonObject>();
        if (definition["parametersFrom"]?.GetValue<string>() is { } from)
        {
            parameters.AddRange(s_operations[from]["parameters"]!.AsArray().Select(p => p!.AsObject()));
        }

        parameters.AddRange(definition["parameters"]!.AsArray().Select(p => p!.AsObject()));
        return parameters;
    }

    private static bool TakesClientToken(string operation, JsonObject definition) =>
        BccCodegen.Spec.WireFixes.ClientToken(operation, SpecFiles.Fixes) ?? SpecFiles.Facts(operation, definition)["clientToken"]!.GetValue<bool>();

    private static string Name(JsonObject parameter) => parameter["name"]!.GetValue<string>();

    private static string? Position(JsonObject parameter) => parameter["position"]?.GetValue<string>();

    private sealed record ExpectedRequest(string Method, string Path, List<string> Query, List<KeyValuePair<string, string>> QueryValues, List<string> Body, List<string> Encrypted);
}
