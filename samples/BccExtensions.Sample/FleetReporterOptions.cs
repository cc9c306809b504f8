namespace BccExtensions.Sample;

/// <summary>Configures <see cref="FleetReporter"/> (section <c>Fleet</c>).</summary>
public sealed class FleetReporterOptions
{
    /// <summary>Gets or sets how often the fleet is logged.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(30);
}
