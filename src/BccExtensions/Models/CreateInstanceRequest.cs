using System.Text.Json.Serialization;

namespace BccExtensions;

/// <summary>Creates one or more instances from a spec (BCC CreateInstanceBySpec, <c>POST /v2/instanceBySpec</c>).</summary>
public sealed class CreateInstanceRequest
{
    /// <summary>Gets the spec, e.g. <c>bcc.g5.c2m8</c>.</summary>
    public required string Spec { get; init; }

    /// <summary>Gets the image to boot.</summary>
    public required string ImageId { get; init; }

    /// <summary>Gets the zone, e.g. <c>cn-bj-a</c>.</summary>
    public required string ZoneName { get; init; }

    /// <summary>Gets the billing; pay-as-you-go unless set.</summary>
    public BccBilling Billing { get; init; } = BccBilling.Postpaid;

    /// <summary>Gets how many instances to create (default 1).</summary>
    public int? PurchaseCount { get; init; }

    /// <summary>Gets the least number to create when stock is short.</summary>
    public int? PurchaseMinCount { get; init; }

    /// <summary>Gets the name, used as a prefix for batches.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the host name.</summary>
    public string? Hostname { get; init; }

    /// <summary>Gets whether batch names get an ordered suffix.</summary>
    public bool? AutoSeqSuffix { get; init; }

    /// <summary>Gets the administrator password; sent AES-encrypted with the secret key, never in clear.</summary>
    [JsonIgnore]
    public string? AdminPass { get; init; }

    /// <summary>Gets the key pair to log in with, instead of a password.</summary>
    public string? KeypairId { get; init; }

    /// <summary>Gets the system disk size in GB.</summary>
    public int? RootDiskSizeInGb { get; init; }

    /// <summary>Gets the system disk storage type.</summary>
    public string? RootDiskStorageType { get; init; }

    /// <summary>Gets the data volumes to create with the instance.</summary>
    public IReadOnlyList<CreateInstanceVolume>? CreateCdsList { get; init; }

    /// <summary>Gets the public bandwidth in Mbps; above zero, an EIP is bought.</summary>
    public int? NetworkCapacityInMbps { get; init; }

    /// <summary>Gets the EIP charge type, e.g. <c>TRAFFIC_POSTPAID_BY_HOUR</c>.</summary>
    public string? InternetChargeType { get; init; }

    /// <summary>Gets the EIP name.</summary>
    public string? EipName { get; init; }

    /// <summary>Gets the subnet.</summary>
    public string? SubnetId { get; init; }

    /// <summary>Gets the security group.</summary>
    public string? SecurityGroupId { get; init; }

    /// <summary>Gets several security groups.</summary>
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    /// <summary>Gets the fixed private IPs.</summary>
    public IReadOnlyList<string>? InternalIps { get; init; }

    /// <summary>Gets the deployment set.</summary>
    public string? DeployId { get; init; }

    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<BccTag>? Tags { get; init; }

    /// <summary>Gets whether related resources (disks, EIP) get the same tags.</summary>
    public bool? RelationTag { get; init; }

    /// <summary>Gets cloud-init user data.</summary>
    public string? UserData { get; init; }

    /// <summary>Gets the auto-renew unit of a prepaid instance (<c>month</c> or <c>year</c>).</summary>
    public string? AutoRenewTimeUnit { get; init; }

    /// <summary>Gets the auto-renew length of a prepaid instance.</summary>
    public int? AutoRenewTime { get; init; }

    /// <summary>Gets whether release protection is on.</summary>
    public bool? EnableDeleteProtection { get; init; }

    /// <summary>Gets whether the EIP is released with the instance.</summary>
    public bool? IsEipAutoRelatedDelete { get; init; }

    /// <summary>Gets whether to assign an IPv6 address.</summary>
    public bool? IsOpenIpv6 { get; init; }

    /// <summary>
    /// Gets the idempotency token. When <see langword="null"/>, one is generated per call; either way every retry of
    /// the call sends the same token, so the service creates the instances once.
    /// </summary>
    [JsonIgnore]
    public string? ClientToken { get; init; }
}
