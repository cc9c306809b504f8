using System.Diagnostics;
using BccExtensions.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BccExtensions.Benchmarks;

/// <summary>
/// The side-by-side throughput run (bench/GoThroughput/run.sh): <c>serve</c> answers every ListInstances with Baidu's
/// published page on a loopback port (where nginx is not installed); <c>load</c> calls a server through one of three
/// clients from N workers for D seconds, after a warm-up, and prints calls per second, the process CPU time, bytes
/// allocated, context switches and thread-pool work items per call; <c>first</c> makes one call in a fresh process,
/// as an app's first call.
/// </summary>
internal static class Throughput
{
    /// <summary>The clients compared.</summary>
    public enum Kind
    {
        /// <summary>A raw <see cref="HttpClient"/>, signed by hand, source-generated JSON: the floor.</summary>
        Raw,

        /// <summary>The same through <see cref="IHttpClientFactory"/> with the standard resilience handler at its defaults.</summary>
        Resilient,

        /// <summary><c>IBccClient.Instances.ListPageAsync</c>.</summary>
        Bcc,
    }

    public static async Task<int> ServeAsync(int port)
    {
        WebApplication app = PageServer.Create(port);
        Console.WriteLine($"serving on http://127.0.0.1:{port}");
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Calls <paramref name="endpoint"/> (or, for <c>stub</c>, a handler answering in memory: the client's own CPU, no
    /// sockets) from <paramref name="concurrency"/> workers for <paramref name="seconds"/> and prints the figures.
    /// </summary>
    public static async Task<int> LoadAsync(Kind kind, string endpoint, int concurrency, int seconds)
    {
        bool stub = endpoint == "stub";
        Uri target = stub ? new Uri("http://bcc.bench.test") : new Uri(endpoint);
        await using ServiceProvider provider = Services(target, stub);
        Func<Task<int>> call = Call(kind, provider, target, stub);

        double warmUp = await WarmUpAsync(call, concurrency);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long contentionBefore = Monitor.LockContentionCount;
        long switchesBefore = ContextSwitches();
        long workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var clock = Stopwatch.StartNew();
        long calls = await RunForAsync(call, concurrency, TimeSpan.FromSeconds(seconds));
        double elapsed = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        long contentions = Monitor.LockContentionCount - contentionBefore;
        double switches = (ContextSwitches() - switchesBefore) / (double)calls;
        double workItems = (ThreadPool.CompletedWorkItemCount - workItemsBefore) / (double)calls;
        Console.WriteLine(FormattableString.Invariant(
            $"{kind.ToString().ToLowerInvariant()} concurrency={concurrency} calls={calls} req/s={calls / elapsed:F0} cpu/call={cpu.TotalMicroseconds / calls:F0}us alloc/call={allocated / calls}B lock-contentions={contentions} switches/call={switches:F2} work-items/call={workItems:F2} threads={ThreadPool.ThreadCount} warm-up={warmUp:F0}s"));
        return 0;
    }

    /// <summary>One call in a fresh process: what an app pays for its first call (the script times the whole process).</summary>
    public static async Task<int> FirstAsync(Kind kind, Uri endpoint)
    {
        await using ServiceProvider provider = Services(endpoint, stub: false);
        return await Call(kind, provider, endpoint, stub: false)() == 1 ? 0 : 1;
    }

    private static ServiceProvider Services(Uri endpoint, bool stub)
    {
        var services = new ServiceCollection();
        IBccClientBuilder bcc = services.AddBccClient(o =>
        {
            o.Endpoint = endpoint;
            o.AccessKeyId = PageServer.AccessKeyId;
            o.SecretAccessKey = PageServer.SecretAccessKey;
        });
        IHttpClientBuilder floor = services.AddHttpClient("floor");
        if (stub)
        {
            bcc.ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => new StubHandler(PageServer.Page)));
            floor.ConfigurePrimaryHttpMessageHandler(() => new StubHandler(PageServer.Page));
        }

        floor.AddStandardResilienceHandler();
        return services.BuildServiceProvider();
    }

    private static Func<Task<int>> Call(Kind kind, ServiceProvider provider, Uri endpoint, bool stub)
    {
        var uri = new Uri(endpoint, "/v2/instance?maxKeys=1000");
        switch (kind)
        {
            case Kind.Raw:
                var raw = new HttpClient(stub ? new StubHandler(PageServer.Page) : new SocketsHttpHandler());
                return () => FloorCall.ListAsync(raw, uri);
            case Kind.Resilient:
                IHttpClientFactory factory = provider.GetRequiredService<IHttpClientFactory>();
                return () => FloorCall.ListAsync(factory.CreateClient("floor"), uri);
            default:
                IBccClient client = provider.GetRequiredService<IBccClient>();
                return async () => (await client.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = 1000 })).Items.Count;
        }
    }

    /// <summary>The context switches of the process's live threads so far (Linux: /proc), voluntary and not; 0 elsewhere.</summary>
    private static long ContextSwitches()
    {
        long total = 0;
        if (!Directory.Exists("/proc/self/task"))
        {
            return 0;
        }

        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (string line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return total;
    }

    /// <summary>
    /// Calls until the JIT has compiled nothing for a whole second (tiering and dynamic PGO done: with a fixed 3 s some
    /// runs measured code still at tier 0 or instrumented, up to 1.7 times the CPU per call), 3 s at least, 60 s at most.
    /// Answers the seconds it took.
    /// </summary>
    private static async Task<double> WarmUpAsync(Func<Task<int>> call, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        await RunForAsync(call, concurrency, TimeSpan.FromSeconds(2));
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await RunForAsync(call, concurrency, TimeSpan.FromSeconds(1));
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() != compiled && clock.Elapsed < TimeSpan.FromSeconds(60));

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> RunForAsync(Func<Task<int>> call, int concurrency, TimeSpan duration)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                if (await call() != 1)
                {
                    throw new InvalidOperationException("expected one instance");
                }

                Interlocked.Increment(ref calls);
            }
        })));
        return calls;
    }
}
