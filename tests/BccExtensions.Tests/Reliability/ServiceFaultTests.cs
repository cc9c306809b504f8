using System.Net;
using BccExtensions.Testing;
using BccExtensions.Tests.Helpers;
using Polly.CircuitBreaker;
using Xunit.Abstractions;

namespace BccExtensions.Tests.Reliability;

/// <summary>Misbehaving service: bursts of 5xx and 429, lost and slow answers, a broken circuit.</summary>
public sealed class ServiceFaultTests(ITestOutputHelper output)
{
    private static CreateInstanceRequest Web(int count) => new() { Billing = BccBilling.Postpaid, Spec = "bcc.g5.c2m8", ImageId = "m-ubuntu2204", ZoneName = "cn-bj-a", PurchaseCount = count, Name = "web" };

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(HttpStatusCode.BadGateway, "BadGateway")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    public async Task Get_BurstOf5xxWithinTheRetryBudget_SucceedsAfterExactlyThoseAttempts(HttpStatusCode status, string code)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Faults.FailNext(3, status, code);

        IReadOnlyList<BccZone> zones = await host.RunAsync(host.Client.Zones.ListAsync());

        Assert.Equal(5, zones.Count);
        Assert.Equal(4, host.Emulator.Journal.Count);
        output.WriteLine($"{(int)status}: 3 failures, {host.Emulator.Journal.Count} attempts, success");
    }

    [Fact]
    public async Task Get_BurstLongerThanTheBudget_FailsWithTheLastErrorAfterFourAttempts()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        host.Emulator.Faults.FailNext(10, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Zones.ListAsync()));

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(4, host.Emulator.Journal.Count);
    }

    [Fact]
    public async Task Mutation_ThrottledWithRetryAfter_WaitsTheFullDelayOnTheFakeClock()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        string id = host.Emulator.SeedInstance("web-1", status: InstanceStatus.Stopped);
        host.Emulator.Faults.FailNext(2, HttpStatusCode.TooManyRequests, "RequestLimitExceeded", TimeSpan.FromSeconds(7), HttpMethod.Put);

        await host.RunAsync(host.Client.Instances.StartAsync(id), TimeSpan.FromMilliseconds(250));

        DateTimeOffset[] at = host.Emulator.Journal.Select(r => r.ReceivedAt).ToArray();
        Assert.Equal(3, at.Length);
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(7), $"second attempt after {at[1] - at[0]}");
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(7), $"third attempt after {at[2] - at[1]}");
        output.WriteLine($"429 x2 with Retry-After 7 s: gaps {at[1] - at[0]}, {at[2] - at[1]}");
    }

    [Fact]
    public async Task Create_LostAndSlowAnswers_CreatesExactlyTheRequestedInstances()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bcc:Resilience:AttemptTimeout:Timeout"] = "00:00:10",
            ["Bcc:Resilience:TotalRequestTimeout:Timeout"] = "00:10:00",
            ["Bcc:Resilience:CircuitBreaker:SamplingDuration"] = "00:10:00",
        });
        host.Emulator.Faults.DelayNext(1, TimeSpan.FromSeconds(60), HttpMethod.Post);
        host.Emulator.Faults.AbortNext(1, afterProcessing: true, HttpMethod.Post);
        host.Emulator.Faults.FailNext(1, HttpStatusCode.BadGateway, "BadGateway", method: HttpMethod.Post);

        CreateInstanceResponse result = await host.RunAsync(host.Client.Instances.CreateAsync(Web(5)), TimeSpan.FromMilliseconds(500));

        BccEmulatorRequest[] creates = host.Emulator.Journal.Where(r => r.Method == "POST").ToArray();
        Assert.Equal(5, host.Emulator.InstanceIds.Count);
        Assert.Equal(result.InstanceIds, host.Emulator.InstanceIds);
        Assert.Single(creates.Select(r => r.QueryValue("clientToken")).Distinct());
        Assert.True(creates.Length >= 4, $"{creates.Length} attempts");
        output.WriteLine($"create x5 through a 60 s answer, a lost answer and a 502: {creates.Length} attempts, {host.Emulator.InstanceIds.Count} instances");
    }

    [Fact]
    public async Task Mutation_InternalErrorWithoutClientToken_NotRetriedAndKeepsTheRequestId()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        string id = host.Emulator.SeedInstance("web-1");
        host.Emulator.Faults.FailNext(1, HttpStatusCode.InternalServerError, "InternalError", method: HttpMethod.Put);

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Instances.StopAsync(id)));

        Assert.Single(host.Emulator.Journal);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Matches("^[0-9a-f-]{36}$", error.RequestId);
        Assert.Equal(InstanceStatus.Running, (await host.Client.Instances.GetAsync(id)).Status);
    }

    [Fact]
    public async Task CircuitBreaker_SustainedFailure_OpensThenClosesAfterRecovery()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bcc:DisableRetries"] = "true",
            ["Bcc:Resilience:CircuitBreaker:MinimumThroughput"] = "4",
            ["Bcc:Resilience:CircuitBreaker:FailureRatio"] = "0.5",
            ["Bcc:Resilience:CircuitBreaker:BreakDuration"] = "00:00:30",
        });
        host.Emulator.Faults.FailNext(1000, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");

        for (int i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Zones.ListAsync());
        }

        int reachedWhileOpen = host.Emulator.Journal.Count;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => host.Client.Zones.ListAsync());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => host.Client.Zones.ListAsync());
        int afterOpen = host.Emulator.Journal.Count;
        host.Emulator.Faults.Clear();
        host.Time.Advance(TimeSpan.FromSeconds(31));
        IReadOnlyList<BccZone> recovered = await host.Client.Zones.ListAsync();
        await host.Client.Zones.ListAsync();

        Assert.Equal(4, reachedWhileOpen);
        Assert.Equal(reachedWhileOpen, afterOpen);
        Assert.Equal(5, recovered.Count);
        Assert.Equal(6, host.Emulator.Journal.Count);
        output.WriteLine($"circuit: opened after {reachedWhileOpen} failures, 2 calls refused locally, closed after the break");
    }
}
