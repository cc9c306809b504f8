namespace BccExtensions;

/// <summary>A CDS data volume created together with an instance.</summary>
public sealed class CreateInstanceVolume
{
    /// <summary>Gets the size in GB.</summary>
    public required int CdsSizeInGB { get; init; }

    /// <summary>Gets the storage type, e.g. <c>enhanced_ssd_pl1</c>, <c>cloud_hp1</c>, <c>hdd</c>.</summary>
    public string? StorageType { get; init; }

    /// <summary>Gets the snapshot to create the volume from.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>Gets the encryption key id.</summary>
    public string? EncryptKey { get; init; }
}
