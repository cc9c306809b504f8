namespace BccExtensions;

/// <summary>
/// The BCC (Baidu Cloud Compute) client of one registration, with one sub-client per API area.
/// </summary>
/// <remarks>
/// Registered as a singleton and safe to inject anywhere, including singletons and <c>BackgroundService</c>s:
/// it holds no <see cref="HttpClient"/> of its own but takes one from <see cref="IHttpClientFactory"/> for each
/// call, so pooled handlers keep rotating (DNS changes, proxy reloads) however long the client lives. All members
/// are thread-safe.
/// </remarks>
public interface IBccClient
{
    /// <summary>Gets the instance (virtual machine) operations.</summary>
    IBccInstancesClient Instances { get; }

    /// <summary>Gets the zone operations.</summary>
    IBccZonesClient Zones { get; }
}
