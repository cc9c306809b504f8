namespace BccExtensions;

/// <summary>Options of BCC RebootInstance.</summary>
public sealed class RebootInstanceRequest
{
    /// <summary>Gets whether to reset without a graceful shutdown.</summary>
    public bool? ForceStop { get; init; }
}
