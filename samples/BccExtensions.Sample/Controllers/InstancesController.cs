using System.Runtime.CompilerServices;
using BccExtensions.Models;
using Microsoft.AspNetCore.Mvc;

namespace BccExtensions.Sample.Controllers;

/// <summary>Instances of the configured region, through the injected <see cref="IBccClient"/>.</summary>
[ApiController]
[Route("instances")]
public sealed class InstancesController(IBccClient bcc) : ControllerBase
{
    /// <summary>Lists instances, optionally by zone and status; pages are followed as the response streams.</summary>
    [HttpGet]
    public async IAsyncEnumerable<BccInstance> List([FromQuery] string? zone, [FromQuery] string? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListInstancesRequest { ZoneName = zone, Status = status is null ? null : (InstanceStatus?)new InstanceStatus(status) };
        await foreach (BccInstance instance in bcc.Instances.ListAsync(request, cancellationToken))
        {
            yield return instance;
        }
    }

    /// <summary>Gets one instance.</summary>
    [HttpGet("{id}")]
    public Task<BccInstance> Get(string id, CancellationToken cancellationToken) => bcc.Instances.GetAsync(id, cancellationToken);

    /// <summary>Creates instances (the client sends a clientToken, so its retries never create twice).</summary>
    [HttpPost]
    public async Task<ActionResult<CreateInstanceResponse>> Create([FromBody] CreateInstanceRequest request, CancellationToken cancellationToken) =>
        Accepted(await bcc.Instances.CreateAsync(request, cancellationToken));

    /// <summary>Starts a stopped instance.</summary>
    [HttpPost("{id}/start")]
    public async Task<IActionResult> Start(string id, CancellationToken cancellationToken)
    {
        await bcc.Instances.StartAsync(id, cancellationToken);
        return Accepted();
    }

    /// <summary>Stops a running instance.</summary>
    [HttpPost("{id}/stop")]
    public async Task<IActionResult> Stop(string id, [FromQuery] bool force, CancellationToken cancellationToken)
    {
        await bcc.Instances.StopAsync(id, new StopInstanceRequest { ForceStop = force }, cancellationToken);
        return Accepted();
    }

    /// <summary>Releases an instance.</summary>
    [HttpDelete("{id}")]
    public async Task<IActionResult> Release(string id, CancellationToken cancellationToken)
    {
        await bcc.Instances.ReleaseAsync(id, cancellationToken);
        return Accepted();
    }
}
