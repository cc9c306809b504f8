using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BccExtensions.Testing;
using BccExtensions.Testing.Tests.Helpers;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Testing.Tests;

/// <summary>
/// Requests as Baidu's Go SDK forms them: its request structs have no <c>omitempty</c>, so every member of Baidu's
/// metadata travels, the ones the caller did not set as <c>""</c>, <c>0</c>, <c>false</c> or <c>null</c>. Each modelled
/// create or update operation runs twice on fresh emulators, once with only the members a Java or Python user sends and
/// once in the Go form; the answers and the resulting state must be the same.
/// </summary>
public sealed partial class GoSdkDialectTests
{
    private static readonly TimeSpan Transition = new BccEmulatorOptions().TransitionDelay;

    public static TheoryData<string> Cases => [.. s_cases.Keys];

    private static readonly Dictionary<string, (HttpMethod Method, Func<World, string> Path, JsonObject Body)> s_cases = new()
    {
        ["CreateInstanceBySpec"] = (HttpMethod.Post, _ => "/v2/instanceBySpec?clientToken=t-1", new() { ["spec"] = "bcc.g5.c2m8", ["imageId"] = "m-ubuntu2204", ["zoneName"] = "cn-bj-a", ["billing"] = new JsonObject { ["paymentTiming"] = "Postpaid" } }),
        ["ResizeInstanceBySpec"] = (HttpMethod.Put, w => $"/v2/instanceBySpec/{w.Instance}?resize&clientToken=t-1", new() { ["spec"] = "bcc.g5.c4m16" }),
        ["StopInstance"] = (HttpMethod.Put, w => $"/v2/instance/{w.Instance}?stop", new()),
        ["RebootInstance"] = (HttpMethod.Put, w => $"/v2/instance/{w.Instance}?reboot", new()),
        ["RebuildInstance"] = (HttpMethod.Put, w => $"/v2/instance/{w.Instance}?rebuild", new() { ["imageId"] = "m-ubuntu2204" }),
        ["ModifyInstanceAttributes"] = (HttpMethod.Put, w => $"/v2/instance/{w.Instance}?modifyAttribute", new() { ["name"] = "renamed" }),
        ["ModifyInstanceDesc"] = (HttpMethod.Put, w => $"/v2/instance/{w.Instance}?modifyDesc", new() { ["desc"] = "web tier" }),
        ["ModifyInstanceHostname"] = (HttpMethod.Put, w => $"/v2/instance/{w.Instance}?changeHostname", new() { ["hostname"] = "web-1" }),
        ["CreateVolume"] = (HttpMethod.Post, _ => "/v2/volume?clientToken=t-1", new() { ["cdsSizeInGB"] = 50, ["zoneName"] = "cn-bj-a", ["billing"] = new JsonObject { ["paymentTiming"] = "Postpaid" } }),
        ["AttachVolume"] = (HttpMethod.Put, w => $"/v2/volume/{w.Volume}?attach", new() { ["instanceId"] = "{instance}" }),
        ["ResizeVolume"] = (HttpMethod.Put, w => $"/v2/volume/{w.Volume}?resize&clientToken=t-1", new() { ["newCdsSizeInGB"] = 100 }),
        ["RenameVolume"] = (HttpMethod.Put, w => $"/v2/volume/{w.Volume}?rename", new() { ["name"] = "data" }),
        ["CreateSnapshot"] = (HttpMethod.Post, _ => "/v2/snapshot?clientToken=t-1", new() { ["volumeId"] = "{volume}", ["snapshotName"] = "nightly" }),
        ["CreateImage"] = (HttpMethod.Post, _ => "/v2/image?clientToken=t-1", new() { ["imageName"] = "golden", ["instanceId"] = "{instance}" }),
        ["CreateSecurityGroup"] = (HttpMethod.Post, _ => "/v2/securityGroup?clientToken=t-1", new() { ["name"] = "web", ["rules"] = new JsonArray(new JsonObject { ["direction"] = "ingress", ["protocol"] = "tcp", ["portRange"] = "22", ["sourceIp"] = "0.0.0.0/0" }) }),
        ["AuthorizeSecurityGroupRule"] = (HttpMethod.Put, w => $"/v2/securityGroup/{w.SecurityGroup}?authorizeRule", new() { ["rule"] = new JsonObject { ["direction"] = "ingress", ["protocol"] = "tcp", ["portRange"] = "80" } }),
        ["RevokeSecurityGroupRule"] = (HttpMethod.Put, w => $"/v2/securityGroup/{w.SecurityGroup}?revokeRule", new() { ["rule"] = new JsonObject { ["direction"] = "ingress", ["protocol"] = "tcp", ["portRange"] = "22" } }),
        ["CreateKeypair"] = (HttpMethod.Post, _ => "/v2/keypair", new() { ["name"] = "ops" }),
        ["RenameKeypair"] = (HttpMethod.Put, w => $"/v2/keypair/{w.Keypair}?rename", new() { ["name"] = "ops-2" }),
        ["UpdateKeypairDescription"] = (HttpMethod.Put, w => $"/v2/keypair/{w.Keypair}?updateDesc", new() { ["description"] = "for operators" }),
        ["CreateDeploySet"] = (HttpMethod.Post, _ => "/v2/instance/deployset/create?clientToken=t-1", new() { ["strategy"] = "HOST_HA", ["name"] = "spread" }),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_GoSdkFormWithEveryOptionalMemberEmpty_SameAnswerAndStateAsWithoutThem(string operation)
    {
        (HttpMethod method, Func<World, string> path, JsonObject minimal) = s_cases[operation];
        JsonObject goForm = GoForm(minimal, SpecFiles.Operations()[operation]);

        (string plainAnswer, string plainState) = await RunAsync(method, path, minimal);
        (string goAnswer, string goState) = await RunAsync(method, path, goForm);

        Assert.Equal(plainAnswer, goAnswer);
        Assert.Equal(plainState, goState);
    }

    [Fact]
    public void GoForm_CreateVolume_CarriesTheEmptyMembersTheGoSdkSends()
    {
        JsonObject goForm = GoForm(s_cases["CreateVolume"].Body, SpecFiles.Operations()["CreateVolume"]);

        Assert.Equal("", goForm["instanceId"]!.GetValue<string>());
        Assert.Equal("", goForm["snapshotId"]!.GetValue<string>());
        Assert.Equal(0, goForm["cdsExtraIo"]!.GetValue<int>());
        Assert.True(goForm.ContainsKey("tags") && goForm["tags"] is null);
        Assert.Equal(0, goForm["billing"]!["reservation"]!["reservationLength"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("deployIdList", true)]
    [InlineData("deployId", false)]
    public async Task CreateInstanceBySpec_DeploySetInListOrSingleForm_JoinsTheSet(string member, bool list)
    {
        await using var world = await World.CreateAsync();
        JsonObject body = s_cases["CreateInstanceBySpec"].Body.DeepClone().AsObject();
        body[member] = list ? new JsonArray(world.DeploySet) : world.DeploySet;

        await world.Api.SendAsync(HttpMethod.Post, "/v2/instanceBySpec?clientToken=t-2", body.ToJsonString());

        JsonNode set = (await world.Api.SendAsync(HttpMethod.Get, $"/v2/deployset/{world.DeploySet}"))!;
        Assert.Contains("\"i-", set.ToJsonString(), StringComparison.Ordinal);
        await world.Api.SendAsync(HttpMethod.Delete, $"/v2/instance/deployset/{world.DeploySet}", expected: HttpStatusCode.Conflict);
    }

    /// <summary>Adds every body member of Baidu's metadata the minimal body lacks, as Go's zero value, at every depth.</summary>
    private static JsonObject GoForm(JsonObject minimal, JsonObject metadata)
    {
        var body = minimal.DeepClone().AsObject();
        Fill(body, metadata["parameters"]!.AsArray().Where(p => p!["position"]?.GetValue<string>() == "BODY"));
        return body;

        static void Fill(JsonObject target, IEnumerable<JsonNode?> parameters)
        {
            foreach (JsonNode? parameter in parameters)
            {
                string name = parameter!["name"]!.GetValue<string>();
                JsonArray? children = parameter["sub_parameters"] as JsonArray;
                if (target[name] is JsonObject nested && children is not null)
                {
                    Fill(nested, children);
                }
                else if (target[name] is JsonArray items && children is not null)
                {
                    foreach (JsonObject item in items.OfType<JsonObject>())
                    {
                        Fill(item, children);
                    }
                }
                else if (!target.ContainsKey(name))
                {
                    target[name] = parameter["type"]!.GetValue<string>() switch
                    {
                        "String" => "",
                        "Integer" or "Long" or "Float" or "Double" => 0,
                        "Boolean" => false,
                        "Object" when children is not null => ZeroObject(children),
                        _ => null, // A nil slice or map, or a nil pointer.
                    };
                }
            }
        }

        static JsonObject ZeroObject(JsonArray children)
        {
            var zero = new JsonObject();
            Fill(zero, children);
            return zero;
        }
    }

    private static async Task<(string Answer, string State)> RunAsync(HttpMethod method, Func<World, string> path, JsonObject body)
    {
        await using var world = await World.CreateAsync();
        string json = body.ToJsonString().Replace("{instance}", world.Instance, StringComparison.Ordinal).Replace("{volume}", world.Volume, StringComparison.Ordinal);
        JsonNode? answer = await world.Api.SendAsync(method, path(world), json);
        world.Time.Advance(Transition);
        return (Scrub(answer?.ToJsonString() ?? string.Empty), await world.StateAsync());
    }

    /// <summary>Ids and key material are random per emulator; everything else must match.</summary>
    private static string Scrub(string json) => Ids().Replace(json, "<id>");

    [GeneratedRegex(@"\b(?:(?:i|v|s|m|g|k|o|r|dset)-[a-z0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|ssh-rsa [^""]+|(?:[0-9a-f]{2}:){15}[0-9a-f]{2}|-----BEGIN [^""]+")]
    private static partial Regex Ids();

    /// <summary>One emulator with an instance, an available volume, a security group, a key pair and a deploy set.</summary>
    private sealed class World : IAsyncDisposable
    {
        private readonly EmulatorSession _session;

        private World(EmulatorSession session) => _session = session;

        public BccEmulator Emulator => _session.Emulator;

        public FakeTimeProvider Time => _session.Time;

        public SignedEmulatorClient Api => _session.Api;

        public string Instance { get; private set; } = "";

        public string Volume { get; private set; } = "";

        public string SecurityGroup { get; private set; } = "";

        public string Keypair { get; private set; } = "";

        public string DeploySet { get; private set; } = "";

        public static async Task<World> CreateAsync()
        {
            var world = new World(await EmulatorSession.StartAsync());
            world.Instance = world.Emulator.SeedInstance("web");
            world.Volume = (await world.Api.SendAsync(HttpMethod.Post, "/v2/volume?clientToken=w-1", new { cdsSizeInGB = 20, zoneName = "cn-bj-a", billing = new { paymentTiming = "Postpaid" } }))!["volumeIds"]![0]!.GetValue<string>();
            world.SecurityGroup = (await world.Api.SendAsync(HttpMethod.Post, "/v2/securityGroup?clientToken=w-2", new { name = "base", rules = new[] { new { direction = "ingress", protocol = "tcp", portRange = "22" } } }))!["securityGroupId"]!.GetValue<string>();
            world.Keypair = (await world.Api.SendAsync(HttpMethod.Post, "/v2/keypair", new { name = "base" }))!["keypair"]!["keypairId"]!.GetValue<string>();
            world.DeploySet = (await world.Api.SendAsync(HttpMethod.Post, "/v2/instance/deployset/create?clientToken=w-3", new { strategy = "HOST_HA", name = "base" }))!["deploySetIds"]![0]!.GetValue<string>();
            world._session.Settle();
            return world;
        }

        public async Task<string> StateAsync()
        {
            string[] lists = ["/v2/instance", "/v2/volume", "/v2/image", "/v2/snapshot", "/v2/securityGroup", "/v2/keypair", "/v2/instance/deployset/list"];
            var state = new JsonObject();
            foreach (string list in lists)
            {
                state[list] = await Api.SendAsync(HttpMethod.Get, list);
            }

            return Scrub(state.ToJsonString());
        }

        public ValueTask DisposeAsync() => _session.DisposeAsync();
    }
}
