namespace BccExtensions;

/// <summary>An availability zone of the endpoint's region, e.g. <c>cn-bj-a</c>.</summary>
public sealed class BccZone
{
    /// <summary>Gets the zone name.</summary>
    public required string ZoneName { get; init; }
}
