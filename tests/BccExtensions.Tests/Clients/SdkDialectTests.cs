using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Clients;

/// <summary>
/// Replays every call recorded from Baidu's own SDKs (tests/TestData/SdkDialect, recorded by tools/SdkDialect) through
/// <see cref="IBccClient"/> with the same argument values and compares the two requests. Every difference must be
/// listed in accepted.json with its reason; an unexplained one fails, and so does an accepted one that no longer occurs.
/// </summary>
public sealed class SdkDialectTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "TestData", "SdkDialect");
    private static readonly IReadOnlyDictionary<string, JsonObject> s_operations = SpecFiles.Operations();
    private static readonly Dictionary<string, JsonObject> s_calls = LoadCalls();
    private static readonly JsonObject s_accepted = JsonNode.Parse(File.ReadAllText(Path.Combine(s_folder, "accepted.json")))!.AsObject();

    // Every recorded call is replayed once; the per-call theory and the report read the same outcomes.
    private static readonly Lazy<Task<Dictionary<string, Outcome>>> s_outcomes = new(ExamineAllAsync);

    public static TheoryData<string> RecordedCalls => new(s_calls.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Recordings_CoverEveryBccMethodOfBaidusGoSdk()
    {
        // bce-sdk-go's bcc.Client has 212 exported methods at the recorded commit; every one is called once. Its two
        // unexported helpers (getCdsPrice, getInstanceUserData) cannot be called from outside the SDK.
        const string Go = "bce-sdk-go:";
        Assert.Equal(212, s_calls.Keys.Count(k => k.StartsWith(Go, StringComparison.Ordinal)));
        var goMethods = DialectCalls.All.Values.SelectMany(c => c.SdkMethods).Where(m => m.StartsWith(Go, StringComparison.Ordinal) && char.IsUpper(m[Go.Length]));
        Assert.All(goMethods, m => Assert.True(s_calls.ContainsKey(m), m + " was not recorded"));
    }

    [Theory]
    [MemberData(nameof(RecordedCalls))]
    public async Task Request_MatchesTheSdksOrTheDifferenceIsAccepted(string call)
    {
        IReadOnlyList<string> differences = (await s_outcomes.Value)[call].Differences;
        var accepted = Accepted(call).ToDictionary(a => a.Difference, a => a.Reason, StringComparer.Ordinal);

        var unexplained = differences.Where(d => !accepted.ContainsKey(d)).ToList();
        var stale = accepted.Keys.Where(d => !differences.Contains(d)).ToList();
        Assert.True(
            unexplained.Count == 0 && stale.Count == 0,
            $"{call}\nunexplained:\n  {string.Join("\n  ", unexplained)}\naccepted but no longer seen:\n  {(stale.Count == 0 ? "none" : string.Join("\n  ", stale))}");
    }

    [Fact]
    public void AcceptedDifferences_EachHaveAReason()
    {
        foreach (string call in s_accepted.Select(p => p.Key))
        {
            Assert.True(s_calls.ContainsKey(call), call + " is accepted but was not recorded");
            Assert.All(Accepted(call), a => Assert.False(string.IsNullOrWhiteSpace(a.Reason), call + ": " + a.Difference));
        }
    }

    [Fact]
    public async Task Report_InDocsIsCurrent()
    {
        Dictionary<string, Outcome> outcomes = await s_outcomes.Value;
        CheckedInFile.AssertCurrent("docs/sdk-dialect.md", Report([.. outcomes.Values]), nameof(SdkDialectTests));
    }

    private static async Task<Dictionary<string, Outcome>> ExamineAllAsync()
    {
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (string call in s_calls.Keys)
        {
            outcomes[call] = await ExamineAsync(call);
        }

        return outcomes;
    }

    /// <summary>Replays one recorded call and lists how our requests differ from the SDK's.</summary>
    private static async Task<Outcome> ExamineAsync(string call)
    {
        JsonObject recorded = s_calls[call];
        var requests = recorded["requests"]!.AsArray().Select(r => SdkRequest.From(r!.AsObject())).ToList();
        var operations = DialectCalls.All.Where(o => o.Value.SdkMethods.Contains(call)).Select(o => o.Key).ToList();
        var differences = new List<string>();
        var compared = new List<string>();
        if (requests.Count == 0)
        {
            differences.Add("the SDK sends no request" + (recorded["error"] is { } error ? ": " + error : string.Empty));
        }

        if (operations.Count == 0)
        {
            differences.Add("no operation of ours is this SDK method's");
        }

        for (int i = 0; i < requests.Count && operations.Count > 0; i++)
        {
            string prefix = requests.Count == 1 ? string.Empty : $"request {i + 1}: ";
            string? operation = operations.FirstOrDefault(o => DialectCalls.All[o].Routes(requests[i])) ?? (operations.Count == 1 ? operations[0] : null);
            if (operation is null)
            {
                differences.Add(prefix + "no operation of ours has the SDK's route " + requests[i].Method + " " + requests[i].Path);
                continue;
            }

            compared.Add(operation);
            differences.AddRange((await SendAsync(operation, requests[i])).Select(d => prefix + d));
        }

        return new Outcome(call, compared, differences);
    }

    private static async Task<List<string>> SendAsync(string operation, SdkRequest sdk)
    {
        DialectCall call = DialectCalls.All[operation];
        var arguments = new WireArguments(sdk, call.PathTemplate);
        await using TestHost host = TestHost.Create();
        string? refused = null;
        try
        {
            await call.Call(host.Client, arguments);
        }
        catch (JsonException)
        {
            // "{}" is not every operation's answer; only the request matters here.
        }
        catch (ArgumentException exception)
        {
            refused = exception.Message;
        }

        var differences = arguments.Problems.Select(p => $"{operation}: argument {p}").ToList();
        if (refused is not null)
        {
            differences.Add($"{operation}: we refuse to send: {refused}");
            return differences;
        }

        RecordedRequest ours = Assert.Single(host.Stub.Requests);
        differences.AddRange(RequestDialect.Compare(SdkRequest.From(ours), sdk, Encrypted(operation)).Select(d => $"{operation}: {d}"));
        return differences;
    }

    private static HashSet<string> Encrypted(string operation) =>
        SpecFiles.Facts(operation, s_operations[operation])["encryptedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(string Difference, string Reason)> Accepted(string call) =>
        s_accepted[call]?.AsArray().Select(a => (a!["difference"]!.GetValue<string>(), a["reason"]!.GetValue<string>())) ?? [];

    private static Dictionary<string, JsonObject> LoadCalls()
    {
        var calls = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(s_folder, "bce-sdk-*.json"))
        {
            JsonObject recording = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            string sdk = recording["sdk"]!.GetValue<string>();
            foreach (JsonNode? call in recording["calls"]!.AsArray())
            {
                calls.Add(sdk + ":" + call!["sdkMethod"]!.GetValue<string>(), call.AsObject());
            }
        }

        return calls;
    }

    private static string Report(List<Outcome> outcomes)
    {
        var text = new StringBuilder();
        text.Append("# Requests compared with Baidu's SDKs\n\n")
            .Append("Generated by `SdkDialectTests` (`BCC_UPDATE_FILES=1 dotnet test --filter SdkDialectTests`) from the calls\n")
            .Append("recorded by `tools/SdkDialect` (tests/TestData/SdkDialect): each SDK method was called once, its requests replayed\n")
            .Append("through `IBccClient` with the same argument values and compared on method, path, query (names, flag form, values),\n")
            .Append("body members, placement, JSON kinds, nesting and values. Accepted differences and their reasons are in\n")
            .Append("`tests/TestData/SdkDialect/accepted.json`.\n\n");
        var byOperation = outcomes.SelectMany(o => o.Operations.Select(op => (Operation: op, Outcome: o))).ToLookup(p => p.Operation, p => p.Outcome);
        text.Append("| operation | C# method | compared with | outcome |\n| --- | --- | --- | --- |\n");
        foreach (string operation in DialectCalls.All.Keys.Order(StringComparer.Ordinal))
        {
            var seen = byOperation[operation].ToList();
            string? twin = DialectCalls.All.FirstOrDefault(o => o.Key != operation && o.Value.Signature == DialectCalls.All[operation].Signature && byOperation[o.Key].Any()).Key;
            string with = seen.Count > 0 ? string.Join(", ", seen.Select(o => "`" + o.Call + "`"))
                : twin is not null ? $"the same request as {twin}" : "not called by Baidu's Go or Python SDK";
            int accepted = seen.Sum(o => o.Differences.Count(d => d.StartsWith(operation + ":", StringComparison.Ordinal)));
            string outcome = seen.Count == 0 ? "—" : accepted == 0 ? "same request" : $"{accepted} accepted difference{(accepted == 1 ? string.Empty : "s")}";
            text.Append(CultureInfo.InvariantCulture, $"| {operation} | {DialectCalls.All[operation].Signature} | {with} | {outcome} |\n");
        }

        text.Append("\n## Accepted differences\n\n");
        foreach (string call in s_accepted.Select(p => p.Key).Order(StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{call}`\n");
            foreach ((string difference, string reason) in Accepted(call))
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {difference}: {reason}\n");
            }
        }

        return text.ToString();
    }

    private sealed record Outcome(string Call, List<string> Operations, List<string> Differences);
}
