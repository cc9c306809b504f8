namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Handles one BCC operation against the emulator's state; runs under <see cref="EmulatorState.Gate"/>.</summary>
internal delegate EmulatorResponse EmulatorRoute(EmulatorCall call, EmulatorState state);

/// <summary>The modelled operations, by BCC operation name: one file per area, named like the client's sub-clients.</summary>
internal static class EmulatorRoutes
{
    /// <summary>Gets the handler of each modelled operation; every other known operation answers 501.</summary>
    public static IReadOnlyDictionary<string, EmulatorRoute> ByOperation { get; } = new Dictionary<string, EmulatorRoute>(
        [
            .. StsRoutes.All,
            .. ZonesRoutes.All,
            .. InstancesRoutes.All,
            .. InstanceCreationRoutes.All,
            .. InstanceReleaseRoutes.All,
            .. InstanceBatchRoutes.All,
            .. InstanceBillingRoutes.All,
            .. InstanceNetworkRoutes.All,
            .. InstanceQueryRoutes.All,
            .. InstanceAccessRoutes.All,
            .. TagsRoutes.All,
            .. VolumesRoutes.All,
            .. VolumeSettingsRoutes.All,
            .. VolumeClustersRoutes.All,
            .. AutoSnapshotPoliciesRoutes.All,
            .. ImagesRoutes.All,
            .. ImageSharingRoutes.All,
            .. SnapshotsRoutes.All,
            .. SnapshotSharingRoutes.All,
            .. SecurityGroupsRoutes.All,
            .. SecurityGroupRulesRoutes.All,
            .. KeyPairsRoutes.All,
            .. DeploymentSetsRoutes.All,
            .. TasksRoutes.All,
            .. SpecsRoutes.All,
            .. StocksRoutes.All,
            .. PricesRoutes.All,
            .. VolumeQuotasRoutes.All,
            .. ReservedInstancesRoutes.All,
            .. ReservedTransfersRoutes.All,
            .. EhcClustersRoutes.All,
            .. DiagnosticsRoutes.All,
            .. MaintenanceRoutes.All,
        ],
        StringComparer.Ordinal);

    /// <summary>Keeps the items whose value matches, when a value is given.</summary>
    public static IEnumerable<T> Filter<T>(IEnumerable<T> source, string? value, Func<T, string, bool> match) =>
        value is null ? source : source.Where(i => match(i, value));

    /// <summary>Keeps the items matching any value of a comma-separated list, when one is given.</summary>
    public static IEnumerable<T> FilterAny<T>(IEnumerable<T> source, string? csv, Func<T, string, bool> match)
    {
        if (csv is null)
        {
            return source;
        }

        string[] values = csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return source.Where(i => values.Any(v => match(i, v)));
    }
}
