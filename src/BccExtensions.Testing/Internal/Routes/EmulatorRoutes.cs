namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Handles one BCC operation against the emulator's state; runs under <see cref="EmulatorState.Gate"/>.</summary>
internal delegate EmulatorResponse EmulatorRoute(EmulatorCall call, EmulatorState state);

/// <summary>The modelled operations, by BCC operation name: one file per area, named like the client's sub-clients.</summary>
internal static class EmulatorRoutes
{
    /// <summary>Gets the route sets by area, in the order docs/testing.md lists them; catalogue areas only read tables.</summary>
    public static IReadOnlyList<EmulatorArea> Areas { get; } =
    [
        new("STS", [.. StsRoutes.All]),
        new("instances", [.. InstancesRoutes.All]),
        new("instance creation", [.. InstanceCreationRoutes.All]),
        new("instance release and recycle bin", [.. InstanceReleaseRoutes.All]),
        new("instance batches", [.. InstanceBatchRoutes.All]),
        new("instance billing", [.. InstanceBillingRoutes.All]),
        new("instance network", [.. InstanceNetworkRoutes.All]),
        new("instance reads", [.. InstanceQueryRoutes.All]),
        new("instance access", [.. InstanceAccessRoutes.All]),
        new("tags", [.. TagsRoutes.All]),
        new("volumes", [.. VolumesRoutes.All]),
        new("volume settings", [.. VolumeSettingsRoutes.All]),
        new("volume clusters", [.. VolumeClustersRoutes.All]),
        new("auto-snapshot policies", [.. AutoSnapshotPoliciesRoutes.All]),
        new("images", [.. ImagesRoutes.All]),
        new("image sharing", [.. ImageSharingRoutes.All]),
        new("snapshots", [.. SnapshotsRoutes.All]),
        new("snapshot sharing and chains", [.. SnapshotSharingRoutes.All]),
        new("security groups", [.. SecurityGroupsRoutes.All]),
        new("security group rules", [.. SecurityGroupRulesRoutes.All]),
        new("key pairs", [.. KeyPairsRoutes.All]),
        new("deployment sets", [.. DeploymentSetsRoutes.All]),
        new("tasks", [.. TasksRoutes.All]),
        new("reserved instances", [.. ReservedInstancesRoutes.All]),
        new("reserved instance transfers", [.. ReservedTransfersRoutes.All]),
        new("EHC clusters", [.. EhcClustersRoutes.All]),
        new("diagnostics", [.. DiagnosticsRoutes.All]),
        new("maintenance", [.. MaintenanceRoutes.All]),
        new("zones and regions", [.. ZonesRoutes.All], Catalogue: true),
        new("specs and flavours", [.. SpecsRoutes.All], Catalogue: true),
        new("stock", [.. StocksRoutes.All], Catalogue: true),
        new("prices", [.. PricesRoutes.All], Catalogue: true),
        new("volume quotas", [.. VolumeQuotasRoutes.All], Catalogue: true),
    ];

    /// <summary>Gets the handler of each modelled operation; every other known operation answers 501.</summary>
    public static IReadOnlyDictionary<string, EmulatorRoute> ByOperation { get; } =
        new Dictionary<string, EmulatorRoute>(Areas.SelectMany(a => a.Routes), StringComparer.Ordinal);

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
