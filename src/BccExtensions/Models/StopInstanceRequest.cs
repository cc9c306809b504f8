namespace BccExtensions;

/// <summary>Options of BCC StopInstance.</summary>
public sealed class StopInstanceRequest
{
    /// <summary>Gets whether to power off without a graceful shutdown.</summary>
    public bool? ForceStop { get; init; }

    /// <summary>Gets whether a postpaid instance stops being charged while stopped.</summary>
    public bool? StopWithNoCharge { get; init; }
}
