using System.Runtime.CompilerServices;
using BccExtensions.Internal;

namespace BccExtensions;

/// <summary>BCC instance operations over a <see cref="BccTransport"/>.</summary>
internal sealed class BccInstancesClient(BccTransport transport) : IBccInstancesClient
{
    private const string InstancePath = "/v2/instance/{instanceId}";
    private static readonly TimeSpan s_defaultWaitTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_firstPollDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maxPollDelay = TimeSpan.FromSeconds(15);

    public IAsyncEnumerable<BccInstance> ListAsync(ListInstancesRequest? request = null, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(request);
        return ListAllAsync(request, cancellationToken);
    }

    public Task<BccPage<BccInstance>> ListPageAsync(ListInstancesRequest? request = null, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(request);
        return ListPageCoreAsync(request, request?.Marker, cancellationToken);
    }

    public async Task<BccInstance> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var call = new BccCall("GetInstance", HttpMethod.Get, InstancePath, (nameof(instanceId), instanceId));
        GetInstanceResponse response = await transport.SendAsync(call, BccJsonContext.Default.GetInstanceResponse, cancellationToken).ConfigureAwait(false);
        return response.Instance ?? throw new System.Text.Json.JsonException("BCC GetInstance returned no instance.");
    }

    public async Task<CreateInstanceResult> CreateAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Spec, "request.Spec");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ImageId, "request.ImageId");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ZoneName, "request.ZoneName");
        ArgumentNullException.ThrowIfNull(request.Billing, "request.Billing");
        if (request.PurchaseCount is < 1)
        {
            throw new ArgumentOutOfRangeException("request.PurchaseCount", request.PurchaseCount, "PurchaseCount must be at least 1.");
        }

        var call = new BccCall("CreateInstanceBySpec", HttpMethod.Post, "/v2/instanceBySpec")
            .Query("clientToken", BccClientToken.OrNew(request.ClientToken));
        call.Body = await transport.SerializeWithPasswordAsync(request, BccJsonContext.Default.CreateInstanceRequest, "adminPass", request.AdminPass, cancellationToken).ConfigureAwait(false);
        return await transport.SendAsync(call, BccJsonContext.Default.CreateInstanceResult, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(string instanceId, CancellationToken cancellationToken = default) =>
        transport.SendAsync(new BccCall("StartInstance", HttpMethod.Put, InstancePath, (nameof(instanceId), instanceId)).Flag("start"), cancellationToken);

    public Task StopAsync(string instanceId, StopInstanceRequest? request = null, CancellationToken cancellationToken = default)
    {
        var call = new BccCall("StopInstance", HttpMethod.Put, InstancePath, (nameof(instanceId), instanceId)).Flag("stop");
        call.Body = BccTransport.Serialize(request ?? new StopInstanceRequest(), BccJsonContext.Default.StopInstanceRequest);
        return transport.SendAsync(call, cancellationToken);
    }

    public Task RebootAsync(string instanceId, RebootInstanceRequest? request = null, CancellationToken cancellationToken = default)
    {
        var call = new BccCall("RebootInstance", HttpMethod.Put, InstancePath, (nameof(instanceId), instanceId)).Flag("reboot");
        call.Body = BccTransport.Serialize(request ?? new RebootInstanceRequest(), BccJsonContext.Default.RebootInstanceRequest);
        return transport.SendAsync(call, cancellationToken);
    }

    public Task ReleaseAsync(string instanceId, CancellationToken cancellationToken = default) =>
        transport.SendAsync(new BccCall("DeleteInstance", HttpMethod.Delete, InstancePath, (nameof(instanceId), instanceId)), cancellationToken);

    public async Task<BccInstance> WaitForStatusAsync(string instanceId, InstanceStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        BccArguments.ThrowIfInvalidId(instanceId, nameof(instanceId));
        TimeSpan limit = timeout ?? s_defaultWaitTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));

        TimeProvider time = transport.TimeProvider;
        long started = time.GetTimestamp();
        TimeSpan delay = s_firstPollDelay;
        while (true)
        {
            BccInstance instance = await GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (instance.Status == status)
            {
                return instance;
            }

            if (IsStuck(instance.Status))
            {
                throw new InvalidOperationException($"Instance {instanceId} entered {instance.Status} while waiting for {status}.");
            }

            TimeSpan remaining = limit - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Instance {instanceId} did not reach {status} within {limit}; it is {instance.Status}.");
            }

            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(s_maxPollDelay.Ticks, delay.Ticks * 3 / 2));
        }
    }

    private static bool IsStuck(InstanceStatus status) =>
        status == InstanceStatus.Error || status == InstanceStatus.Deleted || status == InstanceStatus.Expired || status == InstanceStatus.Recycled;

    private static void ThrowIfInvalid(ListInstancesRequest? request)
    {
        if (request?.MaxKeys is { } maxKeys && (maxKeys < 1 || maxKeys > 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(request), maxKeys, "MaxKeys must be between 1 and 1000.");
        }
    }

    private async IAsyncEnumerable<BccInstance> ListAllAsync(ListInstancesRequest? request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = request?.Marker;
        while (true)
        {
            BccPage<BccInstance> page = await ListPageCoreAsync(request, marker, cancellationToken).ConfigureAwait(false);
            foreach (BccInstance instance in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return instance;
            }

            if (!page.IsTruncated || string.IsNullOrEmpty(page.NextMarker))
            {
                yield break;
            }

            marker = page.NextMarker;
        }
    }

    private async Task<BccPage<BccInstance>> ListPageCoreAsync(ListInstancesRequest? request, string? marker, CancellationToken cancellationToken)
    {
        var call = new BccCall("ListInstances", HttpMethod.Get, "/v2/instance")
            .Query("marker", marker)
            .Query("maxKeys", request?.MaxKeys)
            .Query("internalIp", request?.InternalIp)
            .Query("dedicatedHostId", request?.DedicatedHostId)
            .Query("zoneName", request?.ZoneName)
            .Query("instanceIds", request?.InstanceIds)
            .Query("instanceNames", request?.InstanceNames)
            .Query("fuzzyInstanceName", request?.FuzzyInstanceName)
            .Query("volumeIds", request?.VolumeIds)
            .Query("deploySetIds", request?.DeploySetIds)
            .Query("securityGroupIds", request?.SecurityGroupIds)
            .Query("paymentTiming", request?.PaymentTiming?.Value)
            .Query("status", request?.Status?.Value)
            .Query("tags", request?.Tags)
            .Query("vpcId", request?.VpcId)
            .Query("privateIps", request?.PrivateIps)
            .Query("ehcClusterId", request?.EhcClusterId);
        ListInstancesResponse response = await transport.SendAsync(call, BccJsonContext.Default.ListInstancesResponse, cancellationToken).ConfigureAwait(false);
        return new BccPage<BccInstance>
        {
            Items = response.Instances,
            Marker = response.Marker,
            NextMarker = response.NextMarker,
            IsTruncated = response.IsTruncated,
            MaxKeys = response.MaxKeys,
        };
    }
}
