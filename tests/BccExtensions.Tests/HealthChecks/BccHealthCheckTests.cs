using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BccExtensions.Tests.HealthChecks;

/// <summary>The health check's states against the emulator and its faults, on the shared fake clock.</summary>
public class BccHealthCheckTests
{
    private const string WrongSecret = "wrong-secret-0123456789abcdef";

    [Fact]
    public async Task Check_BccAnswers_HealthyWithTheTimeTaken()
    {
        await using EmulatorHost host = await Start();

        // Awaited without driving the clock: nothing in this call waits on it, so the time taken is exactly zero.
        HealthReport report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        HealthReportEntry entry = report.Entries["bcc"];

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("BCC answered in 0 ms.", entry.Description);
        Assert.Equal(["/v2/zone"], host.Emulator.Journal.Select(r => r.Path));
    }

    [Fact]
    public async Task Check_SlowAnswer_Degraded()
    {
        // A timeout far beyond the latency: the driven clock may run a little ahead before the request is in flight.
        await using EmulatorHost host = await Start(configure: checks => checks.AddBcc(configure: o => o.Timeout = TimeSpan.FromMinutes(1)));
        host.Emulator.Faults.Latency = TimeSpan.FromSeconds(3);

        HealthReportEntry entry = await Check(host);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.EndsWith("slower than 2000 ms.", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Throttled_DegradedWithCodeAndRequestId()
    {
        // A long timeout: the driven clock must not end the check while the client retries the 429s.
        await using EmulatorHost host = await Start(configure: checks => checks.AddBcc(configure: o => o.Timeout = TimeSpan.FromMinutes(10)));
        host.Emulator.Faults.FailNext(10, HttpStatusCode.TooManyRequests, "RequestLimitExceeded");

        HealthReportEntry entry = await Check(host);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("BCC is throttling: 429 RequestLimitExceeded (request id ", entry.Description, StringComparison.Ordinal);
        Assert.Equal(429, entry.Data["statusCode"]);
        Assert.Equal("RequestLimitExceeded", entry.Data["errorCode"]);
        string requestId = Assert.IsType<string>(entry.Data["requestId"]);
        Assert.Contains("(request id " + requestId + ")", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongSecret_UnhealthyNamingTheCodeNeverTheSecret()
    {
        await using EmulatorHost host = await Start(new Dictionary<string, string?> { ["Bcc:SecretAccessKey"] = WrongSecret });

        HealthReportEntry entry = await Check(host);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("BCC refused the credentials: 403 SignatureDoesNotMatch (request id ", entry.Description, StringComparison.Ordinal);
        Assert.Equal("SignatureDoesNotMatch", entry.Data["errorCode"]);
        Assert.IsType<string>(entry.Data["requestId"]);
        Assert.DoesNotContain(WrongSecret, entry.Description + entry.Exception + string.Join(",", entry.Data.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoAnswerWithinTheTimeout_Unhealthy()
    {
        await using EmulatorHost host = await Start();
        host.Emulator.Faults.Latency = TimeSpan.FromMinutes(5);

        HealthReportEntry entry = await Check(host);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("No answer from BCC within 5000 ms.", entry.Description);
    }

    [Fact]
    public async Task Check_ServerFailsEveryAttempt_FailureStatusAsConfigured()
    {
        await using EmulatorHost host = await Start(configure: checks => checks.AddBcc(configure: o => { o.FailureStatus = HealthStatus.Degraded; o.Timeout = TimeSpan.FromMinutes(10); }));
        host.Emulator.Faults.FailNext(10, HttpStatusCode.InternalServerError, "InternalError");

        HealthReportEntry entry = await Check(host);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("BCC failed the check: 500 InternalError (request id ", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBcc_NamedClient_ProbesThatClientUnderItsOwnName()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBccClient("gz", o => { o.Region = "gz"; o.AccessKeyId = "ak"; o.SecretAccessKey = WrongSecret; })
            .ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        services.AddHealthChecks().AddBcc("gz", o => o.Tags.Add("ready"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Healthy, Assert.Single(report.Entries, e => e.Key == "bcc:gz").Value.Status);
        Assert.Equal("bcc.gz.baidubce.com", Assert.Single(stub.Requests).Uri.Host);
    }

    private static Task<EmulatorHost> Start(IDictionary<string, string?>? settings = null, Action<IHealthChecksBuilder>? configure = null) =>
        EmulatorHost.StartAsync(settings, configure: (services, _) =>
        {
            services.AddLogging();
            IHealthChecksBuilder checks = services.AddHealthChecks();
            (configure ?? (c => c.AddBcc()))(checks);
        });

    private static async Task<HealthReportEntry> Check(EmulatorHost host)
    {
        HealthReport report = await host.RunAsync(host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync());
        return Assert.Single(report.Entries, e => e.Key == "bcc").Value;
    }
}
