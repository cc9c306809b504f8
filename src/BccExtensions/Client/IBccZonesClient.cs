namespace BccExtensions;

/// <summary>BCC zone operations.</summary>
public interface IBccZonesClient
{
    /// <summary>Lists the availability zones of the endpoint's region.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The zones.</returns>
    /// <exception cref="BccServiceException">The service refused the call.</exception>
    /// <remarks>BCC ListZones, <c>GET /v2/zone</c>.</remarks>
    Task<IReadOnlyList<BccZone>> ListAsync(CancellationToken cancellationToken = default);
}
