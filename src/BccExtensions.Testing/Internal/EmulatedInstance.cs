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

    public required string PaymentTiming { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public required string InternalIp { get; init; }

    public string PublicIp { get; init; } = string.Empty;

    public int NetworkCapacityInMbps { get; set; }

    public string? KeyPairId { get; set; }

    public string? SubnetId { get; set; }

    public string? AdminPassword { get; set; }

    public string? DeploySetId { get; set; }

    public List<KeyValuePair<string, string>> Tags { get; set; } = [];

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
        ["chargeStatus"] = "normal",
        ["createTime"] = Timestamp(CreateTime),
        ["expireTime"] = string.Empty,
        ["internalIp"] = InternalIp,
        ["publicIp"] = PublicIp,
        ["networkCapacityInMbps"] = NetworkCapacityInMbps,
        ["keypairId"] = KeyPairId ?? string.Empty,
        ["subnetId"] = SubnetId ?? "sbn-emulator0",
        ["vpcId"] = "vpc-emulator0",
        ["deploysetId"] = DeploySetId ?? string.Empty,
        ["autoRenew"] = false,
        ["cardCount"] = "0",
        ["netEthQueueCount"] = "2",
        ["deletionProtection"] = 0,
        ["tags"] = new JsonArray(Tags.Select(t => (JsonNode)new JsonObject { ["tagKey"] = t.Key, ["tagValue"] = t.Value }).ToArray()),
    };
}
