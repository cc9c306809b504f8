namespace BccExtensions;

/// <summary>
/// Filters and paging of BCC ListInstances (<c>GET /v2/instance</c>). Different filters combine with AND; the
/// values of one list filter combine with OR.
/// </summary>
public sealed class ListInstancesRequest
{
    /// <summary>Gets where to start (a previous page's next marker).</summary>
    public string? Marker { get; init; }

    /// <summary>Gets the page size (1–1000; the service defaults to 1000).</summary>
    public int? MaxKeys { get; init; }

    /// <summary>Gets a private IP to match.</summary>
    public string? InternalIp { get; init; }

    /// <summary>Gets a dedicated host to match.</summary>
    public string? DedicatedHostId { get; init; }

    /// <summary>Gets a zone to match.</summary>
    public string? ZoneName { get; init; }

    /// <summary>Gets instance ids to match (at most 100).</summary>
    public IReadOnlyList<string>? InstanceIds { get; init; }

    /// <summary>Gets exact names to match; not with <see cref="FuzzyInstanceName"/>.</summary>
    public IReadOnlyList<string>? InstanceNames { get; init; }

    /// <summary>Gets a keyword to match in names.</summary>
    public string? FuzzyInstanceName { get; init; }

    /// <summary>Gets attached volume ids to match.</summary>
    public IReadOnlyList<string>? VolumeIds { get; init; }

    /// <summary>Gets deployment sets to match.</summary>
    public IReadOnlyList<string>? DeploySetIds { get; init; }

    /// <summary>Gets security groups to match.</summary>
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    /// <summary>Gets a payment timing to match.</summary>
    public PaymentTiming? PaymentTiming { get; init; }

    /// <summary>Gets a status to match.</summary>
    public InstanceStatus? Status { get; init; }

    /// <summary>Gets tags to match, as <c>key</c> or <c>key:value</c>.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Gets a VPC to match (together with <see cref="PrivateIps"/>).</summary>
    public string? VpcId { get; init; }

    /// <summary>Gets private IPs to match (together with <see cref="VpcId"/>).</summary>
    public IReadOnlyList<string>? PrivateIps { get; init; }

    /// <summary>Gets an EHC cluster to match.</summary>
    public string? EhcClusterId { get; init; }
}
