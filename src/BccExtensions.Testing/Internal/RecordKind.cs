namespace BccExtensions.Testing.Internal;

/// <summary>
/// A kind of resource kept as an <see cref="EmulatedRecord"/>: resources whose answers are their own fields (policies,
/// clusters, reserved instances, rules, reports, tasks). Each kind is named once here; routes bind verbs to it.
/// </summary>
/// <param name="Name">The kind's key in the state.</param>
/// <param name="IdPrefix">The prefix of the ids the emulator gives (<c>asp-</c>).</param>
/// <param name="What">The kind as error messages name it.</param>
internal sealed record RecordKind(string Name, string IdPrefix, string What)
{
    public static readonly RecordKind AutoSnapshotPolicy = new("autoSnapshotPolicy", "asp", "Auto snapshot policy");
    public static readonly RecordKind EhcCluster = new("ehcCluster", "ehc", "EHC cluster");
    public static readonly RecordKind DiagnosticReport = new("diagnosticReport", "dr", "Diagnostic report");
    public static readonly RecordKind VolumeCluster = new("volumeCluster", "vc", "Volume cluster");
    public static readonly RecordKind ReservedInstance = new("reservedInstance", "r", "Reserved instance");
    public static readonly RecordKind ReservedTransfer = new("reservedTransfer", "tr", "Transfer record");
    public static readonly RecordKind AuthorizationRule = new("authorizationRule", "rule", "Authorization rule");
    public static readonly RecordKind Task = new("task", "task", "Task");
    public static readonly RecordKind BidOrder = new("bidOrder", "o", "Bid order");
    public static readonly RecordKind SnapshotShare = new("snapshotShare", "s", "Snapshot share");
    public static readonly RecordKind SnapshotChain = new("snapshotChain", "sc", "Snapshot chain");
}
