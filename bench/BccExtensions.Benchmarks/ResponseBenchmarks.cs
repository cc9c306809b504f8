using System.Net;
using System.Text.Json.Serialization;
using System.Text.Json;
using BccExtensions.Internal.Json;
using BccExtensions.Models;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace BccExtensions.Benchmarks;

/// <summary>The cost of reading a full ListInstances page (100 instances, every common field) through the generated models.</summary>
[MemoryDiagnoser]
public class ResponseBenchmarks
{
    private byte[] _page = [];
    private byte[] _driftedPage = [];

    [GlobalSetup]
    public void Setup()
    {
        var instances = Enumerable.Range(0, 100).Select(i => new BccInstance
        {
            Id = $"i-{i:D8}",
            SerialNumber = Guid.Empty.ToString(),
            Name = "web-" + i,
            Hostname = "web-" + i,
            Description = "benchmark instance",
            Status = InstanceStatus.Running,
            PaymentTiming = PaymentTiming.Postpaid,
            Spec = "bcc.g5.c2m8",
            CpuCount = 2,
            MemoryCapacityInGB = 8,
            ZoneName = "cn-bj-a",
            InternalIp = "192.168.0." + i,
            VpcId = "vpc-1",
            SubnetId = "sbn-1",
            ImageId = "m-ubuntu2204",
            CreateTime = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            CardCount = "0",
            NetEthQueueCount = "2",
            Tags = [new BccTag { TagKey = "env", TagValue = "prod" }],
        }).ToList();
        _page = JsonSerializer.SerializeToUtf8Bytes(new ListInstancesResponse { Instances = instances, IsTruncated = true, NextMarker = "i-00000100", MaxKeys = 100 }, BccJsonContext.Default.ListInstancesResponse);
        _driftedPage = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(_page).Replace("\"localDiskSizeInGB\":0", "\"localDiskSizeInGB\":null", StringComparison.Ordinal));
    }

    /// <summary>The floor: the same page read by System.Text.Json alone, without the lenient converters or the answer reader.</summary>
    [Benchmark(Baseline = true)]
    public int ReadListInstancesPageFloor() => JsonSerializer.Deserialize(_page, StrictJsonContext.Default.ListInstancesResponse)!.Instances.Count;

    /// <summary>One page from UTF-8 bytes to models as the client reads every answer (lenient converters, error-shape check).</summary>
    [Benchmark]
    public int ReadListInstancesPage() => Read(_page);

    /// <summary>The same page with <c>"localDiskSizeInGB": null</c> in every instance: the repair path (walk, repair, log once, read again).</summary>
    [Benchmark]
    public int ReadDriftedListInstancesPage() => Read(_driftedPage);

    private static int Read(byte[] page) =>
        BccAnswerReader.Read(page, BccJsonContext.Default.ListInstancesResponse, "ListInstances", HttpStatusCode.OK, null, NullLogger.Instance).Instances.Count;
}

/// <summary>The client's JSON settings without the lenient converters (the floor of the comparison).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ListInstancesResponse))]
internal sealed partial class StrictJsonContext : JsonSerializerContext;
