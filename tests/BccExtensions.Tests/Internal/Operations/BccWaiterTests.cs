using System.Net;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Operations;

/// <summary>The waiters of volumes, images and snapshots (instances: BccInstancesClientTests), over one poller.</summary>
public sealed class BccWaiterTests
{
    [Fact]
    public async Task Volumes_WaitForStatusAsync_PollsGetVolumeUntilTheStatus()
    {
        await using TestHost host = TestHost.Create((_, attempt) => StubHandler.Json(HttpStatusCode.OK,
            "{\"volume\":{\"id\":\"v-1\",\"status\":\"" + (attempt < 3 ? "Attaching" : "InUse") + "\"}}"));

        BccVolume volume = await host.RunAsync(host.Client.Volumes.WaitForStatusAsync("v-1", VolumeStatus.InUse), TimeSpan.FromSeconds(1));

        Assert.Equal(VolumeStatus.InUse, volume.Status);
        Assert.Equal(3, host.Stub.Requests.Count);
        Assert.All(host.Stub.Requests, r => Assert.Equal("/v2/volume/v-1", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task Images_WaitForStatusAsync_FailedCreation_StopsWithTheStatus()
    {
        await using TestHost host = TestHost.Create((_, attempt) => StubHandler.Json(HttpStatusCode.OK,
            "{\"image\":{\"id\":\"m-1\",\"status\":\"" + (attempt < 2 ? "Creating" : "CreateFailed") + "\"}}"));

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.RunAsync(host.Client.Images.WaitForStatusAsync("m-1", ImageStatus.Available), TimeSpan.FromSeconds(1)));

        Assert.Equal("Image m-1 entered CreateFailed while waiting for Available.", error.Message);
        Assert.Equal(2, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task Snapshots_WaitForStatusAsync_NeverReached_TimesOutNamingTheLastStatus()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"snapshot\":{\"id\":\"s-1\",\"status\":\"Creating\"}}"));

        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() =>
            host.RunAsync(host.Client.Snapshots.WaitForStatusAsync("s-1", SnapshotStatus.Available, TimeSpan.FromMinutes(1)), TimeSpan.FromSeconds(1)));

        Assert.Contains("it is Creating", error.Message, StringComparison.Ordinal);
        Assert.InRange(host.Stub.Requests.Count, 4, 12);
    }

    [Fact]
    public async Task WaitForStatusAsync_BadIdOrTimeout_ThrownByTheCallBeforeAnyRequest()
    {
        await using TestHost host = TestHost.Create();

        UsageError.ThrownByTheCall(() => host.Client.Volumes.WaitForStatusAsync("../v-1", VolumeStatus.Available));
        UsageError.ThrownByTheCall(() => host.Client.Snapshots.WaitForStatusAsync("s-1", SnapshotStatus.Available, TimeSpan.Zero));
        Assert.Empty(host.Stub.Requests);
    }
}
