using System.Text.Json.Serialization;
using BccExtensions.Internal;

namespace BccExtensions;

/// <summary>A BCC instance (virtual machine), as ListInstances and GetInstance return it.</summary>
public sealed class BccInstance
{
    /// <summary>Gets the instance id, e.g. <c>i-a1b2c3d4</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the UUID form of the id.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the host name.</summary>
    public string? Hostname { get; init; }

    /// <summary>Gets the description.</summary>
    [JsonPropertyName("desc")]
    public string? Description { get; init; }

    /// <summary>Gets the status.</summary>
    public InstanceStatus Status { get; init; }

    /// <summary>Gets the spec, e.g. <c>bcc.g5.c2m8</c>.</summary>
    public string? Spec { get; init; }

    /// <summary>Gets the legacy instance family, e.g. <c>N5</c>.</summary>
    public string? InstanceType { get; init; }

    /// <summary>Gets the number of vCPUs.</summary>
    public int CpuCount { get; init; }

    /// <summary>Gets the memory size in GB.</summary>
    [JsonPropertyName("memoryCapacityInGB")]
    public int MemoryCapacityInGB { get; init; }

    /// <summary>Gets the local disk size in GB.</summary>
    [JsonPropertyName("localDiskSizeInGB")]
    public int LocalDiskSizeInGB { get; init; }

    /// <summary>Gets the zone, e.g. <c>cn-bj-a</c>.</summary>
    public string? ZoneName { get; init; }

    /// <summary>Gets the primary private IPv4 address.</summary>
    public string? InternalIp { get; init; }

    /// <summary>Gets the public IPv4 address, if any.</summary>
    public string? PublicIp { get; init; }

    /// <summary>Gets the IPv6 address, if any.</summary>
    public string? Ipv6 { get; init; }

    /// <summary>Gets all IPv6 addresses.</summary>
    public IReadOnlyList<string> Ipv6Addresses { get; init; } = [];

    /// <summary>Gets the public bandwidth in Mbps.</summary>
    public int NetworkCapacityInMbps { get; init; }

    /// <summary>Gets the VPC id.</summary>
    public string? VpcId { get; init; }

    /// <summary>Gets the subnet id.</summary>
    public string? SubnetId { get; init; }

    /// <summary>Gets the image the instance was created from.</summary>
    public string? ImageId { get; init; }

    /// <summary>Gets the image name.</summary>
    public string? ImageName { get; init; }

    /// <summary>Gets the image type.</summary>
    public string? ImageType { get; init; }

    /// <summary>Gets the operating system name.</summary>
    public string? OsName { get; init; }

    /// <summary>Gets the operating system version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>Gets the operating system architecture.</summary>
    public string? OsArch { get; init; }

    /// <summary>Gets how the instance is billed.</summary>
    public PaymentTiming PaymentTiming { get; init; }

    /// <summary>Gets the billing status.</summary>
    public string? ChargeStatus { get; init; }

    /// <summary>Gets when the instance was created.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>Gets when a prepaid instance expires.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>Gets when the instance is released automatically, if scheduled.</summary>
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? ReleaseTime { get; init; }

    /// <summary>Gets whether a prepaid instance renews automatically.</summary>
    public bool AutoRenew { get; init; }

    /// <summary>Gets the key pair id, if any.</summary>
    public string? KeypairId { get; init; }

    /// <summary>Gets the key pair name, if any.</summary>
    public string? KeypairName { get; init; }

    /// <summary>Gets the dedicated host, if any.</summary>
    public string? DedicatedHostId { get; init; }

    /// <summary>Gets the deployment set, if any.</summary>
    public string? DeploysetId { get; init; }

    /// <summary>Gets the GPU card model, if any.</summary>
    public string? GpuCard { get; init; }

    /// <summary>Gets the number of accelerator cards (sent as a string by the service).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CardCount { get; init; }

    /// <summary>Gets the NIC queue count (sent as a string by the service).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NetEthQueueCount { get; init; }

    /// <summary>Gets whether release protection is on (1) or off (0).</summary>
    public int DeletionProtection { get; init; }

    /// <summary>Gets whether jumbo frames are enabled.</summary>
    public bool EnableJumboFrame { get; init; }

    /// <summary>Gets whether the EIP is released with the instance.</summary>
    public bool IsEipAutoRelatedDelete { get; init; }

    /// <summary>Gets the IAM role bound to the instance, if any.</summary>
    public string? RoleName { get; init; }

    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<BccTag> Tags { get; init; } = [];
}
