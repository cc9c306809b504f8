using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Creating instances, in each of BCC's request forms (by spec, by flavor, by label, v3, bid), through one order:
/// every form names a spec (or a CPU and memory size that picks one), an image, a zone and billing.
/// </summary>
internal static class InstanceCreationRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateInstanceBySpec", (call, state) => Answer(Place(call, state, V2(call, state, call.RequiredString("spec"), requireZone: true)))),
        new("CreateInstance", (call, state) => Answer(Place(call, state, V2(call, state, SpecOf(call, state), requireZone: false)))),
        new("CreateInstanceByLabel", (call, state) => Answer(Place(call, state, V2(call, state, call.RequiredString("spec"), requireZone: false)))),
        new("CreateBidInstance", (call, state) => Bid(call, state, call.RequiredString("spec"))),
        new("CreateBidInstanceLegacy", (call, state) => Bid(call, state, SpecOf(call, state))),
        new("CreateInstanceV3", CreateV3),
        new("CancelBidOrder", CancelBidOrder),
    ];

    /// <summary>What every form of creation asks for.</summary>
    private sealed record Order(string Spec, string ImageId, string Zone, JsonObject Billing, int Count, string Name, bool AutoSeqSuffix)
    {
        public string? Hostname { get; init; }

        public string? Password { get; init; }

        public string? KeyPairId { get; init; }

        public string? SubnetId { get; init; }

        public IReadOnlyList<string> DeploySets { get; init; } = [];

        public IReadOnlyList<string> SecurityGroups { get; init; } = [];

        public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

        public int Bandwidth { get; init; }

        public int DeletionProtection { get; init; }

        public string? UserData { get; init; }

        public string? RoleName { get; init; }

        public string? EhcClusterId { get; init; }

        public string? DedicatedHostId { get; init; }

        public bool Ipv6 { get; init; }

        public string? OrderId { get; init; }
    }

    private static Order V2(EmulatorCall call, EmulatorState state, string spec, bool requireZone) =>
        new(
            spec,
            call.RequiredString("imageId"),
            requireZone ? call.RequiredString("zoneName") : call.String("zoneName") ?? state.Zones[0],
            call.Object("billing") ?? throw EmulatorError.BadRequest("'billing' is required."),
            call.Int("purchaseCount") ?? 1,
            call.String("name") ?? "instance",
            call.Bool("autoSeqSuffix"))
        {
            Hostname = call.String("hostname"),
            Password = call.String("adminPass") is { } encrypted ? EmulatorPasswords.Decrypt(encrypted, call.Caller, "adminPass") : null,
            KeyPairId = call.String("keypairId"),
            SubnetId = call.String("subnetId"),
            DeploySets = call.ListOrSingle("deployIdList", "deployId"),
            SecurityGroups = call.ListOrSingle("securityGroupIds", "securityGroupId"),
            Tags = call.Tags("tags"),
            Bandwidth = call.Int("networkCapacityInMbps") ?? 0,
            DeletionProtection = call.Int("deletionProtection") ?? 0,
            UserData = call.String("userData"),
            RoleName = call.String("roleName"),
            EhcClusterId = call.String("ehcClusterId"),
            DedicatedHostId = call.String("dedicatedHostId"),
            Ipv6 = call.Bool("isOpenIpv6"),
        };

    /// <summary>The flavor forms name a CPU count and memory size instead of a spec.</summary>
    private static string SpecOf(EmulatorCall call, EmulatorState state)
    {
        if (call.String("spec") is { } spec)
        {
            return spec;
        }

        int cpu = call.Int("cpuCount") ?? throw EmulatorError.BadRequest("'cpuCount' is required.");
        int memory = call.Int("memoryCapacityInGB") ?? throw EmulatorError.BadRequest("'memoryCapacityInGB' is required.");
        return state.Specs.FirstOrDefault(s => s.Value == (cpu, memory)).Key
            ?? throw EmulatorError.BadRequest($"No spec has {cpu} vCPUs and {memory} GB of memory.");
    }

    private static EmulatorResponse Bid(EmulatorCall call, EmulatorState state, string spec)
    {
        EmulatedRecord order = state.AddRecord(RecordKind.BidOrder, new JsonObject { ["bidModel"] = call.String("bidModel") ?? "market" }, "Created", call.Now);
        List<EmulatedInstance> placed = Place(call, state, V2(call, state, spec, requireZone: false) with { OrderId = order.Id });
        order.Fields["instanceIds"] = new JsonArray([.. placed.Select(i => (JsonNode)i.Id)]);
        return EmulatorResponse.Ok(new JsonObject { ["orderId"] = order.Id, ["instanceIds"] = order.Fields["instanceIds"]!.DeepClone(), ["warningList"] = new JsonArray() });
    }

    /// <summary>Cancels a bid order: its instances that are still starting are released, as an unfilled order's would be.</summary>
    private static EmulatorResponse CancelBidOrder(EmulatorCall call, EmulatorState state)
    {
        EmulatedRecord order = state.FindRecord(RecordKind.BidOrder, call.RequiredString("orderId"), call.Now);
        order.RequireStatus("Instance.BidOrderCancelForbidden", "Created");
        order.Transition("Cancelled", "Cancelled", call.Now, TimeSpan.Zero);
        state.Instances.RemoveAll(i => order.Texts("instanceIds").Contains(i.Id) && i.Status == "Starting");
        return EmulatorResponse.Ok(new JsonObject { ["orderId"] = order.Id });
    }

    private static EmulatorResponse CreateV3(EmulatorCall call, EmulatorState state)
    {
        var order = new Order(
            call.RequiredString("instanceSpec"),
            call.RequiredString("imageId"),
            call.String("zoneName") ?? state.Zones[0],
            call.Object("billing") ?? throw EmulatorError.BadRequest("'billing' is required."),
            call.Int("purchaseCount") ?? 1,
            call.String("instanceName") ?? "instance",
            call.Bool("autoSeqSuffix"))
        {
            Hostname = call.String("hostName"),
            Password = call.String("password") is { } encrypted ? EmulatorPasswords.Decrypt(encrypted, call.Caller, "password") : null,
            KeyPairId = call.String("keypairId"),
            SubnetId = call.String("subnetId"),
            DeploySets = call.ListOrSingle("deployIdList", "deploymentSetId"),
            SecurityGroups = call.Strings("securityGroupIds"),
            Tags = call.Tags("tags"),
            UserData = call.String("userData"),
            DedicatedHostId = call.String("dedicatedHostId"),
            Ipv6 = call.Bool("ipv6"),
        };
        return EmulatorResponse.Ok(new JsonObject { ["instanceIds"] = Ids(Place(call, state, order)) });
    }

    private static EmulatorResponse Answer(List<EmulatedInstance> placed) =>
        EmulatorResponse.Ok(new JsonObject { ["instanceIds"] = Ids(placed), ["orderId"] = EmulatorState.NewId("o"), ["warningList"] = new JsonArray() });

    private static JsonArray Ids(List<EmulatedInstance> placed) => new([.. placed.Select(i => (JsonNode)i.Id)]);

    private static List<EmulatedInstance> Place(EmulatorCall call, EmulatorState state, Order order)
    {
        if (!state.HasImage(order.ImageId))
        {
            throw EmulatorError.BadRequest($"Unknown image '{order.ImageId}'.");
        }

        if (!state.Zones.Contains(order.Zone))
        {
            throw EmulatorError.BadRequest($"Unknown zone '{order.Zone}'.");
        }

        if (order.Count is < 1 or > 100)
        {
            throw EmulatorError.BadRequest("'purchaseCount' must be 1–100.");
        }

        if (order.DeletionProtection is not (0 or 1))
        {
            throw EmulatorError.BadRequest("invalid DeletionProtection value");
        }

        EhcClustersRoutes.Require(state, order.EhcClusterId, call.Now);
        (string paymentTiming, DateTimeOffset? expires) = EmulatorBilling.Read(order.Billing, call.Now);
        var placed = new List<EmulatedInstance>();
        for (int i = 0; i < order.Count; i++)
        {
            EmulatedInstance instance = state.NewInstance(
                order.Count > 1 && order.AutoSeqSuffix ? $"{order.Name}{i + 1:D4}" : order.Name,
                order.Spec,
                order.Zone,
                order.ImageId,
                paymentTiming,
                call.Now);
            instance.ExpireTime = expires;
            instance.Hostname = order.Hostname;
            instance.NetworkCapacityInMbps = order.Bandwidth;
            instance.KeyPairId = order.KeyPairId;
            instance.SubnetId = order.SubnetId;
            instance.AdminPassword = order.Password;
            instance.DeploySetId = order.DeploySets is [var deploySet, ..] ? deploySet : null;
            instance.SecurityGroupIds.AddRange(order.SecurityGroups);
            instance.BindTags(order.Tags);
            instance.DeletionProtection = order.DeletionProtection;
            instance.UserData = order.UserData;
            instance.RoleName = order.RoleName;
            instance.EhcClusterId = order.EhcClusterId;
            instance.DedicatedHostId = order.DedicatedHostId;
            instance.Ipv6Address = order.Ipv6 ? EmulatorNetwork.Ipv6Of(instance) : null;
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            state.Instances.Add(instance);
            placed.Add(instance);
        }

        return placed;
    }
}
