using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using BccExtensions;
using BccExtensions.Internal.Credentials;
using BccExtensions.Internal.Http;
using BccExtensions.Internal.Signing;
using BccExtensions.Internal.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of one named BCC client, once however often AddBccClient is called.</summary>
internal static class BccRegistration
{
    /// <summary>The default User-Agent prefix: <c>BccExtensions/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;os&gt;)</c>.</summary>
    public static readonly string DefaultUserAgent =
        $"BccExtensions/{typeof(BccRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0"} (.NET {Environment.Version}; {RuntimeInformation.OSDescription})";

    public static string BccHttpClientName(string name) => name.Length == 0 ? "BccExtensions.Bcc" : "BccExtensions.Bcc." + name;

    public static string StsHttpClientName(string name) => name.Length == 0 ? "BccExtensions.Sts" : "BccExtensions.Sts." + name;

    public static IBccClientBuilder Register(IServiceCollection services, string name)
    {
        var builder = new BccClientBuilder(name, services);
        var marker = new Marker(name);
        if (!BccRegistry.Of(services).Clients.Add(name))
        {
            return builder;
        }


        // The shared defaults come first: the caller adds the client's own section or delegate after this.
        BccDefaults.AddTo(services, name);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BccOptions>(name).ValidateOnStart();

        // What is retried is the client's rule, whatever else the retry settings say: it knows which calls can be
        // replayed without doing anything twice.
        services.PostConfigure<BccOptions>(name, options => options.Resilience.Retry.ShouldHandle = BccRetryRule.ShouldRetry);

        services.AddKeyedSingleton(marker, (_, _) => new BceClockSkew());
        services.AddKeyedSingleton(marker, (sp, _) => new BccLongTermCredentialProvider(sp.GetRequiredService<IOptionsMonitor<BccOptions>>(), name));
        services.AddKeyedSingleton(marker, (sp, _) =>
        {
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            var sts = new StsClient(CreateTransport(sp, name, StsHttpClientName(name), o => o.Sts.Endpoint), time);
            return new StsCredentialCache(sp.GetRequiredService<IOptionsMonitor<BccOptions>>(), name, sts.GetCredentialsAsync, time, Logger(sp));
        });
        services.AddKeyedSingleton<IBceCredentialProvider>(marker, (sp, _) => new BccCredentialProvider(
            sp.GetRequiredService<IOptionsMonitor<BccOptions>>(),
            name,
            sp.GetRequiredKeyedService<BccLongTermCredentialProvider>(marker),
            sp.GetRequiredKeyedService<StsCredentialCache>(marker)));

        AddHttpClient(services, marker, BccHttpClientName(name), sp => sp.GetRequiredKeyedService<IBceCredentialProvider>(marker));
        AddHttpClient(services, marker, StsHttpClientName(name), sp => sp.GetRequiredKeyedService<BccLongTermCredentialProvider>(marker));

        Func<IServiceProvider, IBccClient> client = sp => new BccClient(CreateTransport(sp, name, BccHttpClientName(name), BccEndpoints.Resolve));
        if (name.Length == 0)
        {
            services.AddSingleton(client);
            BccSubClients.AddUnnamed(services);
        }
        else
        {
            services.AddKeyedSingleton(name, (sp, _) => client(sp));
            BccSubClients.AddNamed(services, name);
        }

        return builder;
    }

    private static BccTransport CreateTransport(IServiceProvider sp, string name, string httpClientName, Func<BccOptions, Uri> endpoint)
    {
        ILogger logger = Logger(sp);
        return new(
            sp.GetRequiredService<IHttpClientFactory>(),
            httpClientName,
            new BccOptionsCache<BccEndpoint>(sp.GetRequiredService<IOptionsMonitor<BccOptions>>(), name, options => BccEndpoint.Of(endpoint(options), logger)),
            sp.GetRequiredService<TimeProvider>(),
            logger);
    }

    private static void AddHttpClient(IServiceCollection services, Marker marker, string httpClientName, Func<IServiceProvider, IBceCredentialProvider> credentials)
    {
        string name = marker.Name;
        IHttpClientBuilder http = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                // The resilience handler owns timeouts (total and per attempt).
                client.Timeout = Timeout.InfiniteTimeSpan;
                string? extra = sp.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(name).UserAgent;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", string.IsNullOrWhiteSpace(extra) ? DefaultUserAgent : DefaultUserAgent + " " + extra.Trim());
            })
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(name)))

            // BCC and STS never redirect. A followed redirect would carry the session token, request id and a POST body
            // (encrypted passwords included) to another host and return its answer as a success; a 3xx fails instead.
            .ConfigurePrimaryHttpMessageHandler((primary, _) => BceRedirects.Disable(primary))

            // The library logs every call itself (operation, status, duration, request id); the factory's own four
            // lines per call are dropped. An app that re-adds them (AddDefaultLogger) still gets the secrets redacted.
            .RemoveAllLoggers()
            .RedactLoggedHeaders([ BceHeaderNames.Authorization, BceHeaderNames.SecurityToken ]);

        // The standard handler's strategies over the client's own Resilience options (validated with the rest of
        // BccOptions at start, one object per client), rebuilt when they change. One pipeline per HttpClient name and
        // container, outside the handler chain, so the circuit breaker and rate limiter outlive handler rotation.
        var pipelineKey = new PipelineKey(httpClientName);
        services.AddKeyedSingleton(pipelineKey, (sp, _) =>
        {
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            ILogger logger = Logger(sp);
            return new BccOptionsCache<ResiliencePipeline<HttpResponseMessage>>(
                sp.GetRequiredService<IOptionsMonitor<BccOptions>>(), name, options => BccResiliencePipeline.Build(options, time, logger));
        });
        http.AddHttpMessageHandler(sp =>
        {
            BccOptionsCache<ResiliencePipeline<HttpResponseMessage>> pipeline = sp.GetRequiredKeyedService<BccOptionsCache<ResiliencePipeline<HttpResponseMessage>>>(pipelineKey);
            return new BccResilienceHandler(pipeline);
        });

        // Added after the resilience handler, so both sit inside it: every attempt is signed (the resilience handler
        // reads each attempt's whole answer within the attempt timeout). The attempt handler is innermost, so it counts
        // every send on the wire, the signer's re-signed send after RequestExpired included.
        http.AddHttpMessageHandler(sp =>
        {
            IOptionsMonitor<BccOptions> monitor = sp.GetRequiredService<IOptionsMonitor<BccOptions>>();
            return new BceSigningHandler(
                credentials(sp),
                () => monitor.Get(name).Signing,
                sp.GetRequiredKeyedService<BceClockSkew>(marker),
                sp.GetRequiredService<TimeProvider>(),
                Logger(sp));
        });
        http.AddHttpMessageHandler(() => new BccAttemptHandler());
    }

    internal static SocketsHttpHandler CreatePrimaryHandler(BccOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };

        if (!string.IsNullOrWhiteSpace(options.Proxy.Address))
        {
            BccProxyOptions proxy = options.Proxy;
            handler.UseProxy = true;
            handler.Proxy = new WebProxy(BccProxyAddress.Parse(proxy.Address), proxy.BypassOnLocal, [.. proxy.BypassList])
            {
                Credentials = string.IsNullOrEmpty(proxy.Username) ? null : new NetworkCredential(proxy.Username, proxy.Password),
            };
        }

        return handler;
    }

    private static ILogger Logger(IServiceProvider sp) =>
        sp.GetService<ILoggerFactory>()?.CreateLogger(BccTelemetry.LoggerCategory) ?? Logging.Abstractions.NullLogger.Instance;

    /// <summary>The key of a registration's internal services: a type of its own, so no keyed service of the app can collide.</summary>
    internal sealed record Marker(string Name);

    /// <summary>The key of an HttpClient's resilience pipeline.</summary>
    private sealed record PipelineKey(string HttpClientName);
}
