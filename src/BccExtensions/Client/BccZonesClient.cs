using BccExtensions.Internal;

namespace BccExtensions;

/// <summary>BCC zone operations over a <see cref="BccTransport"/>.</summary>
internal sealed class BccZonesClient(BccTransport transport) : IBccZonesClient
{
    public async Task<IReadOnlyList<BccZone>> ListAsync(CancellationToken cancellationToken = default)
    {
        ListZonesResponse response = await transport.SendAsync(new BccCall("ListZones", HttpMethod.Get, "/v2/zone"), BccJsonContext.Default.ListZonesResponse, cancellationToken).ConfigureAwait(false);
        return response.Zones;
    }
}
