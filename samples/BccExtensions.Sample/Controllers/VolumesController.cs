using System.Runtime.CompilerServices;
using BccExtensions.Models;
using Microsoft.AspNetCore.Mvc;

namespace BccExtensions.Sample.Controllers;

/// <summary>CDS volumes, through the injected <see cref="IBccVolumesClient"/> (every sub-client is a service of its own).</summary>
[ApiController]
[Route("volumes")]
public sealed class VolumesController(IBccVolumesClient volumes) : ControllerBase
{
    /// <summary>Lists volumes, optionally those of one instance; pages are followed as the response streams.</summary>
    [HttpGet]
    public async IAsyncEnumerable<BccVolume> List([FromQuery] string? instanceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (BccVolume volume in volumes.ListAsync(new ListVolumesRequest { InstanceId = instanceId }, cancellationToken))
        {
            yield return volume;
        }
    }

    /// <summary>Creates a pay-as-you-go volume (with a clientToken, so retries never create two).</summary>
    [HttpPost]
    public async Task<ActionResult<CreateVolumeResponse>> Create([FromQuery] int sizeInGB, [FromQuery] string zone, CancellationToken cancellationToken) =>
        Accepted(await volumes.CreateAsync(new CreateVolumeRequest { Billing = BccBilling.Postpaid, CdsSizeInGB = sizeInGB, ZoneName = zone, StorageType = "enhanced_ssd_pl1" }, cancellationToken));

    /// <summary>Attaches a volume to an instance and waits until it is in use.</summary>
    [HttpPost("{id}/attach/{instanceId}")]
    public async Task<BccVolume> Attach(string id, string instanceId, CancellationToken cancellationToken)
    {
        await volumes.WaitForStatusAsync(id, VolumeStatus.Available, TimeSpan.FromMinutes(2), cancellationToken);
        await volumes.AttachAsync(id, new AttachVolumeRequest { InstanceId = instanceId }, cancellationToken);
        return await volumes.WaitForStatusAsync(id, VolumeStatus.InUse, TimeSpan.FromMinutes(2), cancellationToken);
    }
}
