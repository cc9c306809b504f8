using System.Diagnostics;
using BccExtensions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BccExtensions.Tests.Aspire;

/// <summary>
/// The Aspire client integration, in the style of Aspire's conformance tests: a client from a connection string alone,
/// keyed isolation, one health check per key, the switches, settings precedence and lifetimes.
/// </summary>
public sealed class AspireBccExtensionsTests : IAsyncLifetime
{
    private BccEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await BccEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task AddBccClient_ConnectionStringAlone_CallsBccAndReportsHealthy()
    {
        HostApplicationBuilder builder = Builder(("ConnectionStrings:bcc", ConnectionString()));

        builder.AddBccClient("bcc");
        using IHost host = builder.Build();

        IBccClient client = host.Services.GetRequiredService<IBccClient>();
        Assert.Same(client, host.Services.GetRequiredService<IBccClient>());
        Assert.NotEmpty(await client.Zones.ListAsync());
        HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, Assert.Single(health.Entries, e => e.Key == "Bcc").Value.Status);
    }

    [Fact]
    public async Task AddKeyedBccClient_RegistersOnlyKeyedClientsEachWithItsOwnHealthEntry()
    {
        HostApplicationBuilder builder = Builder(("ConnectionStrings:first", ConnectionString()), ("ConnectionStrings:second", ConnectionString()));

        builder.AddKeyedBccClient("first");
        builder.AddKeyedBccClient("second");
        using IHost host = builder.Build();

        Assert.Null(host.Services.GetService<IBccClient>());
        Assert.NotSame(host.Services.GetRequiredKeyedService<IBccClient>("first"), host.Services.GetRequiredKeyedService<IBccClient>("second"));
        HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(["Bcc_first", "Bcc_second"], health.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(health.Entries.Values, e => Assert.Equal(HealthStatus.Healthy, e.Status));
    }

    [Fact]
    public void Settings_BaseThenNamedThenConnectionStringThenDelegate_LastWins()
    {
        HostApplicationBuilder builder = Builder(
            ("Aspire:Baidu:Bcc:Region", "gz"),
            ("Aspire:Baidu:Bcc:UserAgent", "base"),
            ("Aspire:Baidu:Bcc:AccessKeyId", "ak-base"),
            ("Aspire:Baidu:Bcc:bcc:AccessKeyId", "ak-named"),
            ("Aspire:Baidu:Bcc:bcc:SecretAccessKey", "sk-named-0123456789abcdef"),
            ("Aspire:Baidu:Bcc:bcc:Region", "su"),
            ("ConnectionStrings:bcc", "region=bd;SECRETACCESSKEY=sk-connection-0123456789abcdef"));

        builder.AddBccClient("bcc", configureOptions: o => o.UserAgent = "delegate");
        using IHost host = builder.Build();
        BccOptions options = host.Services.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);

        Assert.Equal(("bd", "ak-named", "sk-connection-0123456789abcdef", "delegate"), (options.Region, options.AccessKeyId, options.SecretAccessKey, options.UserAgent));
    }

    [Fact]
    public void ConnectionString_AUri_IsTheEndpoint()
    {
        HostApplicationBuilder builder = Builder(("ConnectionStrings:bcc", "http://127.0.0.1:8080"), ("Aspire:Baidu:Bcc:AccessKeyId", "ak"), ("Aspire:Baidu:Bcc:SecretAccessKey", "sk-0123456789abcdef"));

        builder.AddBccClient("bcc");
        using IHost host = builder.Build();

        Assert.Equal(new Uri("http://127.0.0.1:8080"), host.Services.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName).Endpoint);
    }

    [Theory]
    [InlineData("Endpoint=http://127.0.0.1:1;AccesKeyId=ak;SecretAccessKey=sk-very-secret-value", "ConnectionStrings:bcc has the unknown key 'AccesKeyId'; did you mean AccessKeyId?")]
    [InlineData("Endpoint=http://127.0.0.1:1;Colour=blue;SecretAccessKey=sk-very-secret-value", "ConnectionStrings:bcc has the unknown key 'Colour' (known: Endpoint, Region, AccessKeyId, SecretAccessKey, SessionToken).")]
    [InlineData("sk-very-secret-value", "ConnectionStrings:bcc is neither an http(s) URI nor Key=Value pairs separated by ';' (Endpoint, Region, AccessKeyId, SecretAccessKey, SessionToken).")]
    public async Task ConnectionString_Wrong_StopsTheHostAtStartWithoutEchoingTheSecret(string connectionString, string expected)
    {
        HostApplicationBuilder builder = Builder(("ConnectionStrings:bcc", connectionString));
        builder.AddBccClient("bcc");
        using IHost host = builder.Build();

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Failures);
        Assert.DoesNotContain("sk-very-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sections_MisspelledKey_StopsTheHostNamingItOnce_WhileSwitchesAndOtherClientsSectionsPass()
    {
        HostApplicationBuilder builder = Builder(
            ("ConnectionStrings:bcc", ConnectionString()),
            ("Aspire:Baidu:Bcc:DisableTracing", "true"),
            ("Aspire:Baidu:Bcc:other:Region", "gz"),
            ("Aspire:Baidu:Bcc:bcc:DisableMetrics", "true"),
            ("Aspire:Baidu:Bcc:bcc:Sts:Enable", "true"),
            ("Aspire:Baidu:Bcc:Regoin", "gz"));
        builder.AddBccClient("bcc");
        builder.AddKeyedBccClient("other");
        using IHost host = builder.Build();

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        string[] failures = [.. (error is AggregateException all ? all.InnerExceptions.ToArray() : new[] { error }).OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
        Assert.Contains("Aspire:Baidu:Bcc:bcc:Sts:Enable is not a BCC client setting; did you mean Aspire:Baidu:Bcc:bcc:Sts:Enabled?", failures);
        Assert.Single(failures, f => f == "Aspire:Baidu:Bcc:Regoin is not a BCC client setting; did you mean Aspire:Baidu:Bcc:Region?");
        Assert.DoesNotContain(failures, f => f.Contains("DisableTracing", StringComparison.Ordinal) || f.Contains("DisableMetrics", StringComparison.Ordinal) || f.Contains("Bcc:other:Region", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisableTracing_LeavesTheClientsSpansOut(bool disabled)
    {
        var spans = new List<Activity>();
        HostApplicationBuilder builder = Builder(("ConnectionStrings:bcc", ConnectionString()), ("Aspire:Baidu:Bcc:DisableTracing", disabled ? "true" : "false"));
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));

        builder.AddBccClient("bcc");
        using IHost host = builder.Build();
        await host.StartAsync();

        // The activity source is the process's: spans of tests running beside this one are told apart by the trace.
        using (Activity test = new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start())
        {
            await host.Services.GetRequiredService<IBccClient>().Zones.ListAsync();
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            Assert.Equal(disabled ? 0 : 1, spans.Count(s => s.Source.Name == BccTelemetry.ActivitySourceName && s.TraceId == test.TraceId));
        }

        await host.StopAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisableMetrics_LeavesTheClientsInstrumentsOut(bool disabled)
    {
        var metrics = new List<Metric>();
        HostApplicationBuilder builder = Builder(("ConnectionStrings:bcc", ConnectionString()), ("Aspire:Baidu:Bcc:bcc:DisableMetrics", disabled ? "true" : "false"));
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(metrics));

        builder.AddBccClient("bcc");
        using IHost host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBccClient>().Zones.ListAsync();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await host.StopAsync();

        Assert.Equal(disabled, metrics.All(m => m.MeterName != BccTelemetry.MeterName));
    }

    [Fact]
    public void DisableHealthChecks_RegistersNoCheck()
    {
        HostApplicationBuilder builder = Builder(("ConnectionStrings:bcc", ConnectionString()));

        builder.AddBccClient("bcc", settings => settings.DisableHealthChecks = true);
        using IHost host = builder.Build();

        Assert.Empty(host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);
    }

    private string ConnectionString() =>
        $"Endpoint={_emulator.Endpoint};AccessKeyId={_emulator.AccessKeyId};SecretAccessKey={_emulator.SecretAccessKey}";

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }
}
