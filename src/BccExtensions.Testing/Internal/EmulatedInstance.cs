using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>An instance the emulator keeps, with a pending transition that completes on the emulator's clock.</summary>
internal sealed class EmulatedInstance : EmulatedResource
{
    public Guid SerialNumber { get; init; } = Guid.NewGuid();

    public required string Name { get; set; }

    public string? Hostname { get; set; }

    public string Description { get; set; } = string.Empty;

    public required string Spec { get; set; }

    public required int CpuCount { get; set; }

    public required int MemoryCapacityInGB { get; set; }

    public required string ZoneName { get; init; }

    public required string ImageId { get; set; }

    public required string PaymentTiming { get; set; }

    /// <summary>Gets or sets when a prepaid instance expires.</summary>
    public DateTimeOffset? ExpireTime { get; set; }

    /// <summary>Gets or sets when the instance releases itself (AutoReleaseInstance).</summary>
    public DateTimeOffset? ReleaseTime { get; set; }

    public bool AutoRenew { get; set; }

    public string AutoRenewPeriodUnit { get; set; } = string.Empty;

    public int AutoRenewPeriod { get; set; }

    /// <summary>Gets or sets the deletion protection (1: a release is refused).</summary>
    public int DeletionProtection { get; set; }

    public bool EipAutoRelatedDelete { get; set; }

    public string? RoleName { get; set; }

    public string? Ipv6Address { get; set; }

    /// <summary>Gets the secondary private IPs of the primary network interface.</summary>
    public List<string> SecondaryIps { get; init; } = [];

    public string? UserData { get; set; }

    public string VpcId { get; set; } = "vpc-emulator0";

    public string? EhcClusterId { get; set; }

    public string? DedicatedHostId { get; set; }

    /// <summary>Gets or sets whether the instance was stopped with <c>stopWithNoCharge</c> (GetInstanceNoChargeList).</summary>
    public bool StoppedWithNoCharge { get; set; }

    /// <summary>Gets or sets whether the instance is in rescue mode.</summary>
    public bool InRescue { get; set; }

    /// <summary>Gets or sets when the instance entered the recycle bin.</summary>
    public DateTimeOffset? RecycledAt { get; set; }

    public required DateTimeOffset CreateTime { get; init; }

    public required string InternalIp { get; set; }

    public string PublicIp { get; init; } = string.Empty;

    public int NetworkCapacityInMbps { get; set; }

    public string? KeyPairId { get; set; }

    public string? SubnetId { get; set; }

    public string? AdminPassword { get; set; }

    public string? DeploySetId { get; set; }

    public List<string> SecurityGroupIds { get; init; } = [];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["serialNumber"] = SerialNumber.ToString(),
        ["name"] = Name,
        ["hostname"] = Hostname ?? Name,
        ["desc"] = Description,
        ["status"] = Status,
        ["spec"] = Spec,
        ["instanceType"] = Spec.Split('.') is [_, var family, ..] ? family.ToUpperInvariant() : "N5",
        ["cpuCount"] = CpuCount,
        ["memoryCapacityInGB"] = MemoryCapacityInGB,
        ["localDiskSizeInGB"] = 0,
        ["zoneName"] = ZoneName,
        ["imageId"] = ImageId,
        ["paymentTiming"] = PaymentTiming,
        ["releaseTime"] = ReleaseTime is { } release ? Timestamp(release) : string.Empty,
        ["autoRenewPeriodUnit"] = AutoRenewPeriodUnit,
        ["autoRenewPeriod"] = AutoRenewPeriod,
        ["roleName"] = RoleName ?? string.Empty,
        ["ipv6"] = Ipv6Address ?? string.Empty,
        ["isEipAutoRelatedDelete"] = EipAutoRelatedDelete,
        ["ehcClusterId"] = EhcClusterId ?? string.Empty,
        ["dedicatedHostId"] = DedicatedHostId ?? string.Empty,
        ["chargeStatus"] = "normal",
        ["createTime"] = Timestamp(CreateTime),
        ["expireTime"] = ExpireTime is { } expire ? Timestamp(expire) : string.Empty,
        ["internalIp"] = InternalIp,
        ["publicIp"] = PublicIp,
        ["networkCapacityInMbps"] = NetworkCapacityInMbps,
        ["keypairId"] = KeyPairId ?? string.Empty,
        ["subnetId"] = SubnetId ?? "sbn-emulator0",
        ["vpcId"] = VpcId,
        ["deploysetId"] = DeploySetId ?? string.Empty,
        ["autoRenew"] = AutoRenew,
        ["cardCount"] = "0",
        ["netEthQueueCount"] = "2",
        ["deletionProtection"] = DeletionProtection,
        ["tags"] = TagsJson(),
    };

    /// <summary>The instance as BCC's v3 API shows it (ListServersByMarkerV3).</summary>
    public JsonObject ToV3Json(IEnumerable<EmulatedVolume> volumes) => new()
    {
        ["instanceId"] = Id,
        ["serialNumber"] = SerialNumber.ToString(),
        ["instanceName"] = Name,
        ["hostName"] = Hostname ?? Name,
        ["instanceSpec"] = Spec,
        ["status"] = Status,
        ["description"] = Description,
        ["paymentTiming"] = PaymentTiming,
        ["createTime"] = Timestamp(CreateTime),
        ["expireTime"] = ExpireTime is { } expire ? Timestamp(expire) : string.Empty,
        ["releaseTime"] = ReleaseTime is { } release ? Timestamp(release) : string.Empty,
        ["privateIpAddress"] = InternalIp,
        ["publicIpAddress"] = PublicIp,
        ["cpu"] = CpuCount,
        ["memory"] = MemoryCapacityInGB,
        ["imageId"] = ImageId,
        ["networkCapacityInMbps"] = new JsonObject { ["internetMaxBandwidthOut"] = NetworkCapacityInMbps, ["internetChargeType"] = "BANDWIDTH_POSTPAID_BY_HOUR" },
        ["zoneName"] = ZoneName,
        ["subnetId"] = SubnetId ?? EmulatorNetwork.DefaultSubnetId,
        ["vpcId"] = VpcId,
        ["autoRenew"] = AutoRenew,
        ["keypairId"] = KeyPairId ?? string.Empty,
        ["ipv6"] = Ipv6Address ?? string.Empty,
        ["tags"] = TagsJson(),
        ["deployId"] = DeploySetId is null ? new JsonArray() : new JsonArray(DeploySetId),
        ["isEipAutoRelatedDelete"] = EipAutoRelatedDelete,
        ["dataVolumes"] = new JsonArray([.. volumes.Select(v => (JsonNode)new JsonObject
        {
            ["volumeId"] = v.Id,
            ["volumeType"] = v.IsSystem ? "SYSTEM" : "DATA",
            ["volumeSizeInGb"] = v.SizeInGB,
            ["storageType"] = v.StorageType,
            ["snapshotId"] = v.SourceSnapshotId ?? string.Empty,
        })]),
    };
}
