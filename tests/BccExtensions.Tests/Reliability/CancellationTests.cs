using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Tests.Reliability;

/// <summary>Cancellation at every stage ends the call with OperationCanceledException and sends nothing more.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task BeforeSend_NothingLeavesTheProcess()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.Zones.ListAsync(cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "bcc.g5.c2m8", ImageId = "m-ubuntu2204", ZoneName = "cn-bj-a", AdminPassword = "x" }, cts.Token));

        Assert.Empty(host.Emulator.Journal);
    }

    [Fact]
    public async Task DuringRetryWait_NoFurtherAttempt()
    {
        // The resilience pipeline logs OnRetry once it has decided to wait: cancelling after that is cancelling the wait,
        // where cancelling as soon as the emulator has seen the attempt could beat the answer back to the client.
        var logs = new CapturingLoggerProvider();
        await using EmulatorHost host = await EmulatorHost.StartAsync(
            new Dictionary<string, string?> { ["Bcc:Resilience:Retry:Delay"] = "00:00:10" },
            configure: (services, _) => services.AddLogging(logging => logging.AddProvider(logs)));
        host.Emulator.Faults.FailNext(5, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        using var cts = new CancellationTokenSource();

        Task call = host.Client.Zones.ListAsync(cts.Token);
        await FakeClockDriver.WaitUntilAsync(() => logs.Entries.Any(e => e.Contains("OnRetry", StringComparison.Ordinal)), "the retry wait");
        Assert.Single(host.Emulator.Journal);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(host.Emulator.Journal);
    }

    [Fact]
    public async Task WhilePaging_NoFurtherPage()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        for (int i = 0; i < 6; i++)
        {
            host.Emulator.SeedInstance("app-" + i);
        }

        using var cts = new CancellationTokenSource();
        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (BccInstance instance in host.Client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = 2 }, cts.Token))
            {
                seen.Add(instance.Id!);
                if (seen.Count == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(2, seen.Count);
        Assert.Single(host.Emulator.Journal);
    }

    [Fact]
    public async Task WhileWaitingForStatus_NoFurtherPoll()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(emulatorOptions: o => o.TransitionDelay = TimeSpan.FromHours(1));
        string id = (await host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "bcc.g5.c2m8", ImageId = "m-ubuntu2204", ZoneName = "cn-bj-a" })).InstanceIds[0];
        using var cts = new CancellationTokenSource();

        Task wait = host.Client.Instances.WaitForStatusAsync(id, InstanceStatus.Running, cancellationToken: cts.Token);
        await FakeClockDriver.WaitUntilAsync(() => host.Emulator.Journal.Count == 2, "the first poll");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, host.Emulator.Journal.Count);
    }
}
