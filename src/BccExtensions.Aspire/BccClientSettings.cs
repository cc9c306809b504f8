namespace BccExtensions.Aspire;

/// <summary>
/// The integration's own switches for a BCC client added with <c>builder.AddBccClient</c>, read from
/// <c>Aspire:Baidu:Bcc</c> and <c>Aspire:Baidu:Bcc:{name}</c> beside the client's options, then from the delegate.
/// </summary>
public sealed class BccClientSettings
{
    /// <summary>
    /// Gets or sets the connection string: the endpoint as a URI (<c>http://localhost:8080</c>), or
    /// <c>Endpoint=…;Region=…;AccessKeyId=…;SecretAccessKey=…;SessionToken=…</c> (keys in any case). Read from
    /// <c>ConnectionStrings:{name}</c> when that is set.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets whether the client's health check (one signed ListZones) is left out.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Gets or sets whether the client's spans are left out of OpenTelemetry tracing.</summary>
    public bool DisableTracing { get; set; }

    /// <summary>Gets or sets whether the client's instruments are left out of OpenTelemetry metrics.</summary>
    public bool DisableMetrics { get; set; }
}
