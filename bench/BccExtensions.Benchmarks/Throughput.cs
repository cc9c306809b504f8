using System.Diagnostics;
using BccExtensions.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BccExtensions.Benchmarks;

/// <summary>
/// The side-by-side throughput run with Baidu's Go SDK (bench/GoThroughput/run.sh): <c>serve</c> answers every
/// ListInstances with Baidu's published page on a loopback port; <c>load</c> calls it through <see cref="IBccClient"/>
/// from N workers for D seconds and prints calls per second and the process CPU time per call.
/// </summary>
internal static class Throughput
{
    public static async Task<int> ServeAsync(int port)
    {
        WebApplication app = PageServer.Create(port);
        Console.WriteLine($"serving on http://127.0.0.1:{port}");
        await app.RunAsync();
        return 0;
    }

    public static async Task<int> LoadAsync(Uri endpoint, int concurrency, int seconds)
    {
        var services = new ServiceCollection();
        services.AddBccClient(o =>
        {
            o.Endpoint = endpoint;
            o.AccessKeyId = PageServer.AccessKeyId;
            o.SecretAccessKey = PageServer.SecretAccessKey;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IBccClient client = provider.GetRequiredService<IBccClient>();

        await RunForAsync(client, concurrency, TimeSpan.FromSeconds(3)); // warm-up, as the Go run gets
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long calls = await RunForAsync(client, concurrency, TimeSpan.FromSeconds(seconds));
        double elapsed = clock.Elapsed.TotalSeconds;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"bccextensions concurrency={concurrency} calls={calls} req/s={calls / elapsed:F0} cpu/call={cpu.TotalMicroseconds / calls:F0}us");
        return 0;
    }

    private static async Task<long> RunForAsync(IBccClient client, int concurrency, TimeSpan duration)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                BccPage<BccInstance> page = await client.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = 1000 });
                if (page.Items.Count != 1)
                {
                    throw new InvalidOperationException("expected one instance");
                }

                Interlocked.Increment(ref calls);
            }
        })));
        return calls;
    }
}
