using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using BccExtensions.Models;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Json;

/// <summary>Answers in the form Baidu publishes them (TestData/published), read through the client as a user would.</summary>
public sealed class PublishedAnswerTests
{
    [Fact]
    public async Task ListPageAsync_PublishedAnswer_EveryValueReadAsPublished()
    {
        JsonNode published = PublishedJson.Load("list-instances.json");
        var logs = new CapturingLoggerProvider();
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, published.ToJsonString()), logs: logs);

        BccPage<BccInstance> page = await host.Client.Instances.ListPageAsync();

        BccInstance instance = Assert.Single(page.Items);
        PublishedJson.AssertReadBack(published["instances"]![0], JsonSerializer.SerializeToNode(instance, BccJsonContext.Default.BccInstance));
        Assert.Equal(new DateTimeOffset(2022, 10, 11, 6, 11, 42, TimeSpan.Zero), instance.CreateTime);
        Assert.Equal("Tue Oct 11 14:11:44 UTC 2022", instance.NicInfo!.CreatedTime);
        Assert.Equal("true", Assert.Single(instance.NicInfo.Ips).Primary);
        Assert.Equal("i-Sz2Awkz8", page.NextMarker);
        Assert.True(page.IsTruncated);
        Assert.Equal(1, page.MaxKeys);
        Assert.DoesNotContain(logs.Entries, entry => entry.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_PublishedAnswer_EveryValueReadAsPublished()
    {
        JsonNode published = PublishedJson.Load("get-instance-detail.json");
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, published.ToJsonString()));

        BccInstance instance = await host.Client.Instances.GetAsync("i-JmwRSUbR");

        PublishedJson.AssertReadBack(published["instance"], JsonSerializer.SerializeToNode(instance, BccJsonContext.Default.BccInstance));
        Assert.Equal(new DateTimeOffset(2023, 6, 13, 8, 7, 52, TimeSpan.Zero), instance.CreateTime);
        Assert.Equal("Tue Jun 13 16:07:54 UTC 2023", instance.NicInfo!.CreatedTime);
        Assert.Equal("/dev/vda", Assert.Single(Assert.Single(instance.Volumes).Attachments).Device);
        Assert.Empty(instance.Volumes[0].Tags);
    }

    [Fact]
    public async Task ListPageAsync_NullsWhereNumbersAreExpected_ReadAsZeroAndLoggedOncePerPath()
    {
        JsonNode published = PublishedJson.Load("list-instances.json");
        published["maxKeys"] = null;
        published["instances"]![0]!["localDiskSizeInGB"] = null;
        published["instances"]![0]!["cpuCount"] = "many";
        var logs = new CapturingLoggerProvider();
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, published.ToJsonString()), logs: logs);

        BccPage<BccInstance> first = await host.Client.Instances.ListPageAsync();
        await host.Client.Instances.ListPageAsync();

        Assert.Equal(0, first.MaxKeys);
        Assert.Equal(0, first.Items[0].LocalDiskSizeInGB);
        Assert.Equal(0, first.Items[0].CpuCount);
        Assert.Equal("instance-rnsl2aff", first.Items[0].Name);
        string[] warnings = [.. logs.Entries.Where(entry => entry.StartsWith("Warning", StringComparison.Ordinal))];
        Assert.Equal(3, warnings.Length);
        Assert.Contains(warnings, w => w.Contains("ListInstances answered $.maxKeys with a JSON null where a number is expected", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("$.instances[].localDiskSizeInGB", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("$.instances[].cpuCount with a JSON string where a number is expected", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("many", StringComparison.Ordinal));
    }
}
