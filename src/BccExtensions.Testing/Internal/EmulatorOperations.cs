namespace BccExtensions.Testing.Internal;

/// <summary>The BCC operations the emulator models; every other known operation answers 501 before any route sees it.</summary>
internal static class EmulatorOperations
{
    /// <summary>Gets the names of the modelled operations (the routes in InstanceRoutes, VolumeRoutes and CatalogRoutes).</summary>
    public static IReadOnlySet<string> Modelled { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListZones", "ListInstances", "GetInstance", "CreateInstanceBySpec", "ResizeInstanceBySpec", "StartInstance", "StopInstance",
        "RebootInstance", "RebuildInstance", "ModifyInstancePassword", "ModifyInstanceAttributes", "ModifyInstanceDesc",
        "ModifyInstanceHostname", "DeleteInstance",
        "CreateVolume", "ListVolumes", "GetVolume", "AttachVolume", "DetachVolume", "ResizeVolume", "RenameVolume", "ReleaseVolume", "DeleteCDSVolume",
        "CreateImage", "ListImages", "GetImage", "DeleteImage",
        "CreateSnapshot", "ListSnapshots", "GetSnapshot", "DeleteSnapshot",
        "CreateSecurityGroup", "ListSecurityGroups", "DeleteSecurityGroup", "AuthorizeSecurityGroupRule", "RevokeSecurityGroupRule",
        "CreateKeypair", "ImportKeypair", "ListKeypair", "KeypairDetail", "DeleteKeypair", "RenameKeypair", "UpdateKeypairDescription",
        "CreateDeploySet", "ListDeploySet", "GetDeploySet", "DeleteDeploySet",
        "ListFlavorSpec", "ListSpec",
    };
}
