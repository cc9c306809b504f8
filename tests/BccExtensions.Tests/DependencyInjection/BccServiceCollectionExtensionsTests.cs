using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.DependencyInjection;

public class BccServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddBccClient_Unnamed_ResolvesClientAndSubClientsAsSingletons()
    {
        await using TestHost host = TestHost.Create();

        IBccClient client = host.Services.GetRequiredService<IBccClient>();

        Assert.Same(client, host.Services.GetRequiredService<IBccClient>());
        Assert.Same(client.Instances, host.Services.GetRequiredService<IBccInstancesClient>());
        Assert.Same(client.Zones, host.Services.GetRequiredService<IBccZonesClient>());
    }

    [Fact]
    public async Task AddBccClient_EverySubClient_ResolvesAsItsOwnServiceUnnamedAndKeyed()
    {
        var services = new ServiceCollection();
        services.AddBccClient(o => { o.Region = "bj"; o.AccessKeyId = "ak"; o.SecretAccessKey = "sk-0123456789abcdef"; });
        services.AddBccClient("gz", o => { o.Region = "gz"; o.AccessKeyId = "ak"; o.SecretAccessKey = "sk-0123456789abcdef"; });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IBccClient unnamed = provider.GetRequiredService<IBccClient>();
        IBccClient keyed = provider.GetRequiredKeyedService<IBccClient>("gz");

        System.Reflection.PropertyInfo[] areas = typeof(IBccClient).GetProperties();

        Assert.Equal(18, areas.Length);
        Assert.All(areas, area =>
        {
            Assert.Same(area.GetValue(unnamed), provider.GetRequiredService(area.PropertyType));
            Assert.Same(area.GetValue(keyed), provider.GetRequiredKeyedService(area.PropertyType, "gz"));
            Assert.NotSame(area.GetValue(unnamed), area.GetValue(keyed));
        });
    }

    [Fact]
    public async Task AddBccClient_Named_ResolvesKeyedClientsWithTheirOwnEndpoints()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        var services = new ServiceCollection();
        services.AddBccClient("bj", o => { o.Region = "bj"; o.AccessKeyId = "ak-bj"; o.SecretAccessKey = "sk-bj-0123456789abcdef"; })
            .ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        services.AddBccClient("gz", o => { o.Region = "gz"; o.AccessKeyId = "ak-gz"; o.SecretAccessKey = "sk-gz-0123456789abcdef"; })
            .ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IBccClient>("bj").Zones.ListAsync();
        await provider.GetRequiredKeyedService<IBccZonesClient>("gz").ListAsync();

        Assert.Null(provider.GetService<IBccClient>());
        Assert.Equal("bcc.bj.baidubce.com", stub.Requests[0].Uri.Host);
        Assert.Contains("/ak-bj/", stub.Requests[0].Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("bcc.gz.baidubce.com", stub.Requests[1].Uri.Host);
        Assert.Contains("/ak-gz/", stub.Requests[1].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBccClient_CalledTwice_RegistersOneHandlerChain()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty),
            configure: builder => builder.Services.AddBccClient(
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bcc:AccessKeyId"] = TestHost.AccessKeyId }).Build().GetSection("Bcc")));

        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Zones.ListAsync()));

        // One resilience handler: 1 attempt + 3 retries, not 4 x 4; one signer: one Authorization value.
        Assert.Equal(4, host.Stub.Requests.Count);
        Assert.All(host.Stub.Requests, r => Assert.DoesNotContain(',', r.Header("Authorization")!));
        Assert.Single(host.Services.GetServices<IBccClient>());
    }

    [Fact]
    public async Task IBccClient_InjectedIntoSingleton_WorksAcrossCalls()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[{\"zoneName\":\"cn-bj-a\"}]}"),
            configure: builder => builder.Services.AddSingleton<FleetWatcher>());

        FleetWatcher watcher = host.Services.GetRequiredService<FleetWatcher>();
        IReadOnlyList<BccZone> first = await watcher.Client.Zones.ListAsync();
        IReadOnlyList<BccZone> second = await watcher.Client.Zones.ListAsync();

        Assert.Equal("cn-bj-a", Assert.Single(first).ZoneName);
        Assert.Single(second);
        Assert.Equal(2, host.Stub.Requests.Count);
    }

    [Fact]
    public async Task AddBccClient_UserAgent_AppendsConfiguredText()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"),
            new Dictionary<string, string?> { ["Bcc:UserAgent"] = "fleet-manager/2.1" });

        await host.Client.Zones.ListAsync();

        string userAgent = host.Stub.Requests[0].Header("User-Agent")!;
        Assert.StartsWith("BccExtensions/", userAgent, StringComparison.Ordinal);
        Assert.Contains("(.NET ", userAgent, StringComparison.Ordinal);
        Assert.EndsWith(" fleet-manager/2.1", userAgent, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBccClient_ProxySettings_ReachThePrimaryHandler()
    {
        var services = new ServiceCollection();
        services.AddBccClient(o =>
        {
            o.AccessKeyId = "ak";
            o.SecretAccessKey = "sk-0123456789abcdef";
            o.Proxy.Address = "127.0.0.1:8080";
            o.Proxy.Username = "proxy-user";
            o.Proxy.Password = "proxy-pass";
            o.Proxy.BypassOnLocal = true;
            o.ConnectTimeout = TimeSpan.FromSeconds(7);
            o.MaxConnectionsPerServer = 16;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("BccExtensions.Bcc");
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        var proxy = Assert.IsType<WebProxy>(sockets.Proxy);
        Assert.True(sockets.UseProxy);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), proxy.Address);
        Assert.True(proxy.BypassProxyOnLocal);
        Assert.Equal("proxy-user", proxy.Credentials!.GetCredential(proxy.Address!, "Basic")!.UserName);
        Assert.Equal(TimeSpan.FromSeconds(7), sockets.ConnectTimeout);
        Assert.Equal(16, sockets.MaxConnectionsPerServer);
        Assert.NotEqual(Timeout.InfiniteTimeSpan, sockets.PooledConnectionLifetime);
    }

    [Fact]
    public async Task ConfigureResilience_RunsAfterBinding()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty),
            new Dictionary<string, string?> { ["Bcc:Resilience:Retry:MaxRetryAttempts"] = "5" },
            builder => builder.ConfigureResilience(r => r.Retry.MaxRetryAttempts = 1));

        await Assert.ThrowsAsync<BccServiceException>(() => host.RunAsync(host.Client.Zones.ListAsync()));

        Assert.Equal(2, host.Stub.Requests.Count);
        Assert.Equal(1, host.Services.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(string.Empty).Resilience.Retry.MaxRetryAttempts);
    }

    private sealed class FleetWatcher(IBccClient client)
    {
        public IBccClient Client { get; } = client;
    }
}

public class BccOptionsReloadTests
{
    [Fact]
    public async Task ConfigurationReload_NewKeys_SignNextCallWithoutRestart()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        await host.Client.Zones.ListAsync();

        host.Configuration["Bcc:AccessKeyId"] = "rotated-ak";
        host.Configuration["Bcc:SecretAccessKey"] = "rotated-sk-0123456789abcdef";
        host.Configuration.Reload();
        await host.Client.Zones.ListAsync();

        Assert.StartsWith("bce-auth-v1/" + TestHost.AccessKeyId + "/", host.Stub.Requests[0].Header("Authorization"), StringComparison.Ordinal);
        SignerHarness.Result expected = SignerHarness.Sign(
            "GET", "/v2/zone", [], [new("Host", "bcc.bj.baidubce.com"), new("x-bce-date", "2024-01-02T03:04:05Z")],
            "rotated-ak", "rotated-sk-0123456789abcdef", "2024-01-02T03:04:05Z", 1800);
        Assert.Equal(expected.Authorization, host.Stub.Requests[1].Header("Authorization"));
    }
}

public class BccHttpClientLoggingTests
{
    [Fact]
    public async Task AddBccClient_OneCall_LogsOnlyTheLibrarysOwnLine()
    {
        var logs = new CapturingLoggerProvider();
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddBccClient(o => { o.AccessKeyId = "ak"; o.SecretAccessKey = "sk-0123456789abcdef"; })
            .ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBccClient>().Zones.ListAsync();

        Assert.DoesNotContain(logs.Entries, e => e.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Contains("BCC ListZones GET /v2/zone answered 200", StringComparison.Ordinal));
    }
}
