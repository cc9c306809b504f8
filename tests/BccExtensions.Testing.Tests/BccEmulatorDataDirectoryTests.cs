using System.Text.Json.Nodes;
using BccExtensions.Internal.Signing;
using BccExtensions.Testing;
using BccExtensions.Testing.Tests.Helpers;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary><see cref="BccEmulatorOptions.DataDirectory"/>: state that survives a restart, and files it refuses to guess at.</summary>
public sealed class BccEmulatorDataDirectoryTests : IDisposable
{
    private static readonly TimeSpan Transition = new BccEmulatorOptions().TransitionDelay;

    private readonly string _data = Directory.CreateTempSubdirectory("bcc-emulator-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Restart_KeepsResourcesTransitionsAndClientTokens()
    {
        var request = new CreateInstanceRequest
        {
            Billing = BccBilling.Postpaid,
            Spec = "bcc.g5.c2m8",
            ImageId = "m-ubuntu2204",
            ZoneName = "cn-bj-a",
            Name = "kept",
            AdminPassword = "Pa55word!",
            ClientToken = "token-kept-1",
        };
        string instanceId, volumeId, keyPairId, groupId;
        string before;
        await using (EmulatorHost first = await StartAsync())
        {
            instanceId = Assert.Single((await first.Client.Instances.CreateAsync(request)).InstanceIds);
            volumeId = Assert.Single((await first.Client.Volumes.CreateAsync(new CreateVolumeRequest { Billing = BccBilling.Postpaid, CdsSizeInGB = 20, ZoneName = "cn-bj-a" })).VolumeIds);
            keyPairId = (await first.Client.KeyPairs.CreateAsync(new CreateKeyPairRequest { Name = "kp", Description = "kept" })).KeyPairId!;
            groupId = (await first.Client.SecurityGroups.CreateAsync(new CreateSecurityGroupRequest
            {
                Name = "sg",
                Rules = [new SecurityGroupRule { Direction = "ingress", Protocol = "tcp", PortRange = "22", SourceIp = "10.0.0.0/8" }],
            })).SecurityGroupId!;
            first.Time.Advance(Transition);
            await first.Client.Instances.ModifyAttributesAsync(instanceId, new ModifyInstanceAttributesRequest { Name = "renamed" });
            await first.Client.Instances.StopAsync(instanceId);
            before = await DescribeAsync(first.Client, instanceId);
        }

        await using EmulatorHost second = await StartAsync();

        Assert.Equal(before, await DescribeAsync(second.Client, instanceId));
        // The instance was Stopping when the first emulator stopped: its transition completes on the clock as before.
        BccInstance kept = await second.Client.Instances.GetAsync(instanceId);
        Assert.Equal(("renamed", InstanceStatus.Stopping), (kept.Name, kept.Status));
        // The second host's clock starts where the first one's did; the stop was sent one transition after that.
        second.Time.Advance(Transition * 2);
        Assert.Equal(InstanceStatus.Stopped, (await second.Client.Instances.GetAsync(instanceId)).Status);
        // A retry of the create with the same clientToken after the restart answers the first result: nothing twice.
        Assert.Equal([instanceId], (await second.Client.Instances.CreateAsync(request)).InstanceIds);
        Assert.Single(await ListAsync(second.Client.Instances.ListAsync()));
        Assert.Equal("kept", (await second.Client.KeyPairs.GetAsync(keyPairId)).Description);
        Assert.Equal(20, (await second.Client.Volumes.GetAsync(volumeId)).DiskSizeInGB);
        SecurityGroup group = Assert.Single(await ListAsync(second.Client.SecurityGroups.ListAsync()), g => g.Id == groupId);
        Assert.Equal("22", Assert.Single(group.Rules).PortRange);
    }

    [Fact]
    public async Task Restart_KeepsTheKeysStsIssued()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestHost.Start);
        BceCredentials temporary;
        await using (BccEmulator first = await StartEmulatorAsync(time))
        {
            using var client = new SignedEmulatorClient(first, time);
            JsonNode issued = (await client.SendAsync(HttpMethod.Post, "/v1/sessionToken?durationSeconds=900"))!;
            temporary = new BceCredentials((string)issued["accessKeyId"]!, (string)issued["secretAccessKey"]!, (string)issued["sessionToken"]!);
        }

        await using BccEmulator second = await StartEmulatorAsync(time);
        using var zones = new HttpRequestMessage(HttpMethod.Get, new Uri(second.Endpoint, "/v2/zone"));
        BceSigningHandler.Sign(zones, zones.RequestUri!, temporary, time.GetUtcNow(), new BceSigningOptions());
        using var http = new HttpClient();
        using HttpResponseMessage answer = await http.SendAsync(zones);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData("{ \"format\": \"bcc-emulator-data\", \"version\": 1, \"instances\": [ { \"id\": ", "it is not the emulator's JSON")]
    [InlineData("{ \"format\": \"bcc-emulator-data\", \"version\": 99 }", "it has layout version 99; this emulator reads version 1")]
    [InlineData("{ \"instances\": [] }", "it does not say \"format\": \"bcc-emulator-data\"")]
    [InlineData("\u0000\u0001garbage", "it is not the emulator's JSON")]
    public async Task DamagedOrForeignFile_StopsTheStartNamingTheFile_AndIsLeftAsItWas(string content, string why)
    {
        string file = Path.Combine(_data, "state.json");
        await File.WriteAllTextAsync(file, content);

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => BccEmulator.StartAsync(new BccEmulatorOptions { DataDirectory = _data }));

        Assert.StartsWith($"The emulator cannot start from its data file {file}: {why}", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task SecondEmulatorOnTheSameDirectory_IsRefused()
    {
        await using BccEmulator first = await BccEmulator.StartAsync(new BccEmulatorOptions { DataDirectory = _data });

        IOException error = await Assert.ThrowsAsync<IOException>(() => BccEmulator.StartAsync(new BccEmulatorOptions { DataDirectory = _data }));

        Assert.Contains($"The data directory {_data} is in use by another emulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeded_IsKept()
    {
        string id;
        await using (BccEmulator first = await BccEmulator.StartAsync(new BccEmulatorOptions { DataDirectory = _data }))
        {
            id = first.SeedInstance("demo-1");
        }

        await using BccEmulator second = await BccEmulator.StartAsync(new BccEmulatorOptions { DataDirectory = _data });

        Assert.Equal([id], second.InstanceIds);
    }

    private Task<BccEmulator> StartEmulatorAsync(TimeProvider time) =>
        BccEmulator.StartAsync(new BccEmulatorOptions { DataDirectory = _data, TimeProvider = time });

    private Task<EmulatorHost> StartAsync() => EmulatorHost.StartAsync(emulatorOptions: options => options.DataDirectory = _data);

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<string> DescribeAsync(IBccClient client, string instanceId) =>
        System.Text.Json.JsonSerializer.Serialize(await client.Instances.GetAsync(instanceId), BccJsonContext.Default.BccInstance);
}
