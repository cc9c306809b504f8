using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Operations;

/// <summary>Generated paging, over the three wire forms: marker in the query of a GET, in the query of a POST, in the body.</summary>
public sealed class BccPagerTests
{
    [Fact]
    public async Task ListAsync_MarkerInTheBody_SendsEachNextMarkerInTheBody()
    {
        await using TestHost host = TestHost.Create((_, attempt) => StubHandler.Json(HttpStatusCode.OK, attempt == 1
            ? """{"isTruncated":true,"nextMarker":"r-2","instances":[{"id":"r-1"}]}"""
            : """{"isTruncated":false,"instances":[{"id":"r-2"}]}"""));

        var ids = new List<string?>();
        await foreach (RecycledInstance recycled in host.Client.Instances.RecycleBin.ListAsync(new ListRecycledInstancesRequest { MaxKeys = 1, Name = "web" }))
        {
            ids.Add(recycled.Id);
        }

        Assert.Equal(["r-1", "r-2"], ids);
        JsonNode first = JsonNode.Parse(host.Stub.Requests[0].Body!)!;
        JsonNode second = JsonNode.Parse(host.Stub.Requests[1].Body!)!;
        Assert.Null(first["marker"]);
        Assert.Equal(("r-2", 1, "web"), (second["marker"]!.GetValue<string>(), second["maxKeys"]!.GetValue<int>(), second["name"]!.GetValue<string>()));
        Assert.All(host.Stub.Requests, r => Assert.Equal("", r.Uri.Query));
    }

    [Fact]
    public async Task ListByIdsAsync_MarkerInThePostQuery_KeepsTheBodyAndOneClientToken()
    {
        await using TestHost host = TestHost.Create((_, attempt) => StubHandler.Json(HttpStatusCode.OK, attempt == 1
            ? """{"isTruncated":true,"nextMarker":"i-2","instances":[{"id":"i-1"}]}"""
            : """{"isTruncated":false,"instances":[{"id":"i-2"}]}"""));

        var ids = new List<string?>();
        await foreach (BccInstance instance in host.Client.Instances.ListByIdsAsync(new ListInstancesByIdsRequest { InstanceIds = ["i-1", "i-2"], ClientToken = "t-1" }))
        {
            ids.Add(instance.Id);
        }

        Assert.Equal(["i-1", "i-2"], ids);
        Assert.Equal("POST", host.Stub.Requests[1].Method);
        Assert.Equal("?marker=i-2&clientToken=t-1", host.Stub.Requests[1].Uri.Query);
        Assert.Equal(host.Stub.Requests[0].Body, host.Stub.Requests[1].Body);
    }

    [Fact]
    public async Task ListPageAsync_PageSizeOutOfRange_ThrowsBeforeAnyRequest()
    {
        await using TestHost host = TestHost.Create();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.Volumes.ListPageAsync(new ListVolumesRequest { MaxKeys = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => host.Client.Snapshots.ListAsync(new ListSnapshotsRequest { MaxKeys = 1001 }));
        Assert.Empty(host.Stub.Requests);
    }
}
