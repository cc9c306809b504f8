using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>Everything the emulator remembers. Route handlers run under <see cref="Gate"/>, one at a time.</summary>
internal sealed class EmulatorState(BccEmulatorOptions options, EmulatorKeys keys)
{
    /// <summary>The account the emulator's resources belong to, as shares and transfers name it.</summary>
    public const string AccountId = "emulator-account";

    public object Gate { get; } = new();

    /// <summary>Gets the keys the emulator accepts and the temporary keys STS issued.</summary>
    public EmulatorKeys Keys => keys;

    public TimeSpan TransitionDelay => options.TransitionDelay;

    /// <summary>Gets the zones of the Beijing region.</summary>
    public IReadOnlyList<string> Zones { get; } = ["cn-bj-a", "cn-bj-b", "cn-bj-c", "cn-bj-d", "cn-bj-e"];

    /// <summary>Gets the regions BCC serves, by id; the emulator is <c>bj</c>, the others are destinations of cross-region copies.</summary>
    public IReadOnlyDictionary<string, string> Regions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bj"] = "North China - Beijing",
        ["bd"] = "North China - Baoding",
        ["gz"] = "South China - Guangzhou",
        ["su"] = "East China - Suzhou",
        ["fwh"] = "Central China - Wuhan",
        ["cd"] = "Southwest China - Chengdu",
        ["hkg"] = "Hong Kong",
        ["sin"] = "Singapore",
    };

    /// <summary>Throws 400 naming the region unless it is one BCC serves other than the emulator's own.</summary>
    public void RequireOtherRegion(string region)
    {
        if (region == "bj" || !Regions.ContainsKey(region))
        {
            throw EmulatorError.BadRequest($"'{region}' is not a region to copy to (one of {string.Join(", ", Regions.Keys.Where(r => r != "bj"))}).");
        }
    }

    /// <summary>Gets common specs: name → (vCPUs, memory GB).</summary>
    public IReadOnlyDictionary<string, (int Cpu, int MemoryGB)> Specs { get; } = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["bcc.g5.c1m4"] = (1, 4),
        ["bcc.g5.c2m8"] = (2, 8),
        ["bcc.g5.c4m16"] = (4, 16),
        ["bcc.g5.c8m32"] = (8, 32),
        ["bcc.c5.c2m4"] = (2, 4),
        ["bcc.c5.c4m8"] = (4, 8),
        ["bcc.m5.c2m16"] = (2, 16),
        ["bcc.m5.c4m32"] = (4, 32),
        ["bcc.ic5.c1m1"] = (1, 1),
        ["bcc.ic5.c2m2"] = (2, 2),
    };

    /// <summary>Gets the images; four public system images are seeded.</summary>
    public List<EmulatedImage> Images { get; } =
    [
        SystemImage("m-ubuntu2204", "Ubuntu 22.04 LTS amd64 (64bit)", "Ubuntu", "22.04 LTS amd64 (64bit)"),
        SystemImage("m-centos79", "CentOS 7.9 x86_64 (64bit)", "CentOS", "7.9 x86_64 (64bit)"),
        SystemImage("m-rocky93", "Rocky Linux 9.3 x86_64 (64bit)", "Rocky Linux", "9.3 x86_64 (64bit)"),
        SystemImage("m-win2022", "Windows Server 2022 DataCenter 64bit", "Windows Server", "2022 DataCenter 64bit"),
    ];

    public List<EmulatedInstance> Instances { get; } = [];

    public List<EmulatedVolume> Volumes { get; } = [];

    public List<EmulatedSnapshot> Snapshots { get; } = [];

    public List<EmulatedSecurityGroup> SecurityGroups { get; } = [];

    public List<EmulatedKeypair> Keypairs { get; } = [];

    public List<EmulatedDeploySet> DeploySets { get; } = [];

    /// <summary>Gets the released instances kept in the recycle bin, where they can be recovered or deleted.</summary>
    public List<EmulatedInstance> RecycleBin { get; } = [];

    /// <summary>Gets the resources of every <see cref="RecordKind"/>.</summary>
    public List<EmulatedRecord> Records { get; } = [];

    /// <summary>Gets the records of one kind, their due transitions completed.</summary>
    public List<EmulatedRecord> RecordsOf(RecordKind kind, DateTimeOffset now) =>
        EmulatedResource.RefreshAll(Records.Where(r => r.Kind == kind.Name), now);

    /// <summary>Finds a record of one kind; 404 naming it when there is none.</summary>
    public EmulatedRecord FindRecord(RecordKind kind, string id, DateTimeOffset now) =>
        Find(Records.Where(r => r.Kind == kind.Name), id, kind.What, now);

    /// <summary>Adds a record with a fresh id, its fields set by <paramref name="fields"/>, in <paramref name="status"/>.</summary>
    public EmulatedRecord AddRecord(RecordKind kind, JsonObject fields, string status, DateTimeOffset now)
    {
        var record = new EmulatedRecord { Id = NewId(kind.IdPrefix), Kind = kind.Name, Fields = fields };
        record.Transition(status, status, now, TimeSpan.Zero);
        Records.Add(record);
        return record;
    }

    /// <summary>Gets the first answer of each clientToken, with what was asked.</summary>
    private readonly Queue<(string Token, DateTimeOffset At)> _clientTokenOrder = new();

    /// <summary>Gets the first answer of every clientToken still remembered.</summary>
    public Dictionary<string, (string Fingerprint, EmulatorResponse Response)> ClientTokens { get; } = new(StringComparer.Ordinal);

    public void RememberClientToken(string token, string fingerprint, EmulatorResponse response, DateTimeOffset now)
    {
        ClientTokens[token] = (fingerprint, response);
        _clientTokenOrder.Enqueue((token, now));
    }

    /// <summary>Forgets clientTokens first used before <paramref name="cutoff"/>, oldest first, as BCC's idempotency window closes.</summary>
    public void ForgetClientTokensBefore(DateTimeOffset cutoff)
    {
        while (_clientTokenOrder.TryPeek(out (string Token, DateTimeOffset At) oldest) && oldest.At < cutoff)
        {
            _clientTokenOrder.Dequeue();
            ClientTokens.Remove(oldest.Token);
        }
    }

    private int _nextIp = 4;

    /// <summary>Gets or sets the data directory the state is kept in, or <see langword="null"/> to keep it in memory only.</summary>
    public EmulatorStore? Store { get; set; }

    /// <summary>Writes the state to the data directory, if there is one; call under <see cref="Gate"/> after a change.</summary>
    public void Persist(DateTimeOffset now) => Store?.Save(ToData(now));

    /// <summary>Copies what the emulator remembers, for its data directory.</summary>
    public EmulatorData ToData(DateTimeOffset now) => new()
    {
        Instances = Instances,
        Volumes = Volumes,
        Snapshots = Snapshots,
        Images = Images,
        SecurityGroups = SecurityGroups,
        Keypairs = Keypairs,
        DeploySets = DeploySets,
        RecycleBin = RecycleBin,
        Records = Records,
        NextIp = _nextIp,
        TemporaryKeys = keys.Unexpired(now),
        ClientTokens = [.. _clientTokenOrder.Where(t => ClientTokens.ContainsKey(t.Token)).Select(t => new EmulatorData.ClientTokenEntry(t.Token, t.At, ClientTokens[t.Token].Fingerprint, ClientTokens[t.Token].Response))],
    };

    /// <summary>Takes back what a data directory kept, replacing the fresh state.</summary>
    public void Restore(EmulatorData data)
    {
        Replace(Instances, data.Instances);
        Replace(Volumes, data.Volumes);
        Replace(Snapshots, data.Snapshots);
        Replace(Images, data.Images);
        Replace(SecurityGroups, data.SecurityGroups);
        Replace(Keypairs, data.Keypairs);
        Replace(DeploySets, data.DeploySets);
        Replace(RecycleBin, data.RecycleBin);
        Replace(Records, data.Records);
        _nextIp = data.NextIp;
        keys.Restore(data.TemporaryKeys);
        foreach (EmulatorData.ClientTokenEntry entry in data.ClientTokens)
        {
            RememberClientToken(entry.Token, entry.Fingerprint, entry.Response, entry.At);
        }

        static void Replace<T>(List<T> list, List<T> kept)
        {
            list.Clear();
            list.AddRange(kept);
        }
    }

    public static string NewId(string prefix) => prefix + "-" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);

    public string NextInternalIp()
    {
        int n = _nextIp++;
        return $"192.168.{n / 250}.{(n % 250) + 2}";
    }

    /// <summary>Creates an instance of a known spec (not yet added), with a fresh id and private IP.</summary>
    public EmulatedInstance NewInstance(string name, string spec, string zoneName, string imageId, string paymentTiming, DateTimeOffset now)
    {
        (int cpu, int memory) = Specs.TryGetValue(spec, out var size) ? size : throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
        return new EmulatedInstance
        {
            Id = NewId("i"),
            Name = name,
            Spec = spec,
            CpuCount = cpu,
            MemoryCapacityInGB = memory,
            ZoneName = zoneName,
            ImageId = imageId,
            PaymentTiming = paymentTiming,
            CreateTime = now,
            InternalIp = NextInternalIp(),
        };
    }

    public EmulatedInstance FindInstance(string id, DateTimeOffset now) => Find(Instances, id, "Instance", now);

    public EmulatedVolume FindVolume(string id, DateTimeOffset now) => Find(Volumes, id, "Volume", now);

    public EmulatedSnapshot FindSnapshot(string id, DateTimeOffset now) => Find(Snapshots, id, "Snapshot", now);

    public static T Find<T>(IEnumerable<T> items, string id, string what, DateTimeOffset now)
        where T : EmulatedResource
    {
        T item = items.FirstOrDefault(i => i.Id == id) ?? throw EmulatorError.NotFound($"{what} {id}");
        item.Refresh(now);
        return item;
    }

    public bool HasImage(string id) => Images.Any(i => i.Id == id);

    /// <summary>Gets the next free data-disk device name of an instance (<c>/dev/vdb</c>, <c>/dev/vdc</c>, …).</summary>
    public string NextDevice(string instanceId)
    {
        int used = Volumes.Count(v => v.InstanceId == instanceId && !v.IsSystem);
        return "/dev/vd" + (char)('b' + used);
    }

    private static EmulatedImage SystemImage(string id, string name, string osName, string osVersion)
    {
        var image = new EmulatedImage { Id = id, Name = name, Type = "System", OsName = osName, OsVersion = osVersion, CreateTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        image.Transition("Available", "Available", DateTimeOffset.MinValue, TimeSpan.Zero);
        return image;
    }
}
