namespace BccExtensions;

/// <summary>BCC instance operations.</summary>
public interface IBccInstancesClient
{
    /// <summary>Lists instances, following the marker from page to page.</summary>
    /// <param name="request">Filters; its <see cref="ListInstancesRequest.Marker"/> is where listing starts.</param>
    /// <param name="cancellationToken">Cancels listing; no further page is requested.</param>
    /// <returns>The instances of all pages, fetched as they are enumerated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ListInstancesRequest.MaxKeys"/> is not 1–1000 (thrown at the call, before enumeration).</exception>
    /// <exception cref="BccServiceException">The service refused a page.</exception>
    /// <remarks>BCC ListInstances, <c>GET /v2/instance</c>.</remarks>
    IAsyncEnumerable<BccInstance> ListAsync(ListInstancesRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one page of instances.</summary>
    /// <param name="request">Filters and the marker to start at.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, with the marker of the next one.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ListInstancesRequest.MaxKeys"/> is not 1–1000.</exception>
    /// <exception cref="BccServiceException">The service refused the call.</exception>
    /// <remarks>BCC ListInstances, <c>GET /v2/instance</c>.</remarks>
    Task<BccPage<BccInstance>> ListPageAsync(ListInstancesRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed.</exception>
    /// <exception cref="BccServiceException">The service refused the call, e.g. the instance does not exist.</exception>
    /// <remarks>BCC GetInstance, <c>GET /v2/instance/{instanceId}</c>.</remarks>
    Task<BccInstance> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Creates instances from a spec. A clientToken is always sent and reused by retries, so instances are created once.</summary>
    /// <param name="request">What to create; the password is sent encrypted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids of the new instances, which then progress to <see cref="InstanceStatus.Running"/>.</returns>
    /// <exception cref="ArgumentException">A required member is empty.</exception>
    /// <exception cref="BccServiceException">The service refused the call.</exception>
    /// <remarks>BCC CreateInstanceBySpec, <c>POST /v2/instanceBySpec?clientToken=…</c>.</remarks>
    Task<CreateInstanceResult> CreateAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a stopped instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service accepted the start.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed.</exception>
    /// <exception cref="BccServiceException">The service refused, e.g. 409 when the instance is not stopped.</exception>
    /// <remarks>BCC StartInstance, <c>PUT /v2/instance/{instanceId}?start</c>.</remarks>
    Task StartAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Stops a running instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="request">Force and no-charge options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service accepted the stop.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed.</exception>
    /// <exception cref="BccServiceException">The service refused, e.g. 409 when the instance is not running.</exception>
    /// <remarks>BCC StopInstance, <c>PUT /v2/instance/{instanceId}?stop</c>.</remarks>
    Task StopAsync(string instanceId, StopInstanceRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Reboots an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="request">Force option.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service accepted the reboot.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed.</exception>
    /// <exception cref="BccServiceException">The service refused the call.</exception>
    /// <remarks>BCC RebootInstance, <c>PUT /v2/instance/{instanceId}?reboot</c>.</remarks>
    Task RebootAsync(string instanceId, RebootInstanceRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Releases (deletes) a postpaid instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service accepted the release.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed.</exception>
    /// <exception cref="BccServiceException">The service refused the call.</exception>
    /// <remarks>BCC DeleteInstance, <c>DELETE /v2/instance/{instanceId}</c>.</remarks>
    Task ReleaseAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Polls an instance, with back-off, until it reaches a status.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="status">The status to wait for.</param>
    /// <param name="timeout">How long to wait; 10 minutes when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The instance in the requested status.</returns>
    /// <exception cref="ArgumentException">The id is empty or malformed, or the timeout is not positive.</exception>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    /// <exception cref="InvalidOperationException">The instance entered a state it cannot leave by itself (<c>Error</c>, <c>Deleted</c>, <c>Expired</c>, <c>Recycled</c>).</exception>
    /// <exception cref="BccServiceException">The service refused a poll, e.g. the instance was deleted.</exception>
    /// <remarks>Polls BCC GetInstance.</remarks>
    Task<BccInstance> WaitForStatusAsync(string instanceId, InstanceStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
