using BccExtensions.Internal;

namespace BccExtensions;

/// <summary>The BCC client of one registration.</summary>
internal sealed class BccClient(BccTransport transport) : IBccClient
{
    public IBccInstancesClient Instances { get; } = new BccInstancesClient(transport);

    public IBccZonesClient Zones { get; } = new BccZonesClient(transport);
}
