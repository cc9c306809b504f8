using BccExtensions.Models;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BccExtensions.Benchmarks;

/// <summary>
/// One ListInstances call (Baidu's published page, one instance) through the whole client, against two floors doing
/// the same signed GET and source-generated read: a raw <see cref="HttpClient"/>, and the same through
/// <see cref="IHttpClientFactory"/> with the standard resilience handler at its defaults. Over loopback (an in-process
/// Kestrel server) or a stub handler (no sockets: the library's own CPU), at 1, 8 and 64 calls in flight.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    /// <summary>Calls per invocation, spread over <see cref="Concurrency"/> workers.</summary>
    private const int Calls = 64;

    private byte[] _page = [];
    private WebApplication? _server;
    private ServiceProvider? _services;
    private HttpClient? _raw;
    private IHttpClientFactory? _factory;
    private IBccClient? _client;
    private Uri _uri = null!;

    /// <summary>Where answers come from.</summary>
    public enum Transport
    {
        /// <summary>An in-process Kestrel server on 127.0.0.1.</summary>
        Loopback,

        /// <summary>A handler answering in memory: no sockets, so the time is the client's own CPU.</summary>
        Stub,
    }

    [Params(Transport.Loopback, Transport.Stub)]
    public Transport Via { get; set; }

    [Params(1, 8, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _page = PageServer.Page;
        Uri endpoint = new("http://bcc.bench.test");
        if (Via == Transport.Loopback)
        {
            _server = PageServer.Create(port: 0);
            await _server.StartAsync();
            endpoint = new Uri(_server.Urls.First());
        }

        _uri = new Uri(endpoint, "/v2/instance?maxKeys=1000");
        var services = new ServiceCollection();
        services.AddBccClient(o =>
        {
            o.Endpoint = endpoint;
            o.AccessKeyId = PageServer.AccessKeyId;
            o.SecretAccessKey = PageServer.SecretAccessKey;
        }).ConfigureHttpClient(http => Primary(http));
        Primary(services.AddHttpClient("floor")).AddStandardResilienceHandler();
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<IBccClient>();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
        _raw = new HttpClient(Via == Transport.Stub ? new StubHandler(_page) : new SocketsHttpHandler());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The floor: a raw HttpClient, the request signed by hand with the same signer, the page read by System.Text.Json.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public Task RawFloor() => RunAsync(() => FloorCall.ListAsync(_raw!, _uri));

    /// <summary>The floor through IHttpClientFactory (a client per call) with the standard resilience handler at its defaults.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task ResilientFloor() => RunAsync(() => FloorCall.ListAsync(_factory!.CreateClient("floor"), _uri));

    /// <summary>The library: <c>Instances.ListPageAsync</c>, with its signing, resilience, buffering and tolerant reading.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task BccClient() => RunAsync(async () => (await _client!.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = 1000 })).Items.Count);

    private async Task RunAsync(Func<Task<int>> call)
    {
        int each = Calls / Concurrency;
        var workers = new Task[Concurrency];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (int i = 0; i < each; i++)
                {
                    if (await call() != 1)
                    {
                        throw new InvalidOperationException("expected one instance");
                    }
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private IHttpClientBuilder Primary(IHttpClientBuilder http) =>
        Via == Transport.Stub ? http.ConfigurePrimaryHttpMessageHandler(() => new StubHandler(_page)) : http;
}
