namespace BccExtensions;

/// <summary>What CreateInstanceBySpec returns.</summary>
public sealed class CreateInstanceResult
{
    /// <summary>Gets the ids of the new instances.</summary>
    public IReadOnlyList<string> InstanceIds { get; init; } = [];

    /// <summary>Gets the order id.</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets warnings the service attached.</summary>
    public IReadOnlyList<string> WarningList { get; init; } = [];
}
