using BccExtensions;
using BccExtensions.Models;
using BccExtensions.Sample;
using BccExtensions.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The sample host: controllers and a background worker that use an injected IBccClient. By default
// (Sample:UseEmulator = true) it starts a BccEmulator in-process, seeds a few instances and points the client at
// it, so it runs on any machine. With Sample:UseEmulator = false and real keys (Bcc__AccessKeyId, Bcc__SecretAccessKey,
// Bcc__Region), the same app talks to Baidu Cloud; under the sample AppHost, to the emulator the app host runs. The
// sample's own switches live under "Sample": the "Bcc" section holds client settings only, and an unknown key there
// stops the host at start.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

await using BccEmulator? emulator = builder.Configuration.GetValue("Sample:UseEmulator", defaultValue: true)
    ? await EmulatorSetup.StartAsync(builder.Configuration)
    : null;

if (builder.Configuration.GetConnectionString("bcc") is null)
{
    // The design's line: the client from the "Bcc" section of appsettings.json, and its health check.
    builder.Services.AddBccClient();
    builder.Services.AddHealthChecks().AddBcc();
}
else
{
    // Run by the sample AppHost (samples/BccExtensions.AppHost): the client, its health check, traces and metrics from
    // ConnectionStrings:bcc, which the app host hands over (docs/aspire.md).
    builder.AddBccClient("bcc");
}

if (builder.Configuration.GetValue("Sample:ConsoleTelemetry", defaultValue: false))
{
    // Spans and metrics of every BCC call, printed to the console (docs/observability.md).
    builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddSource(BccTelemetry.ActivitySourceName).AddConsoleExporter())
        .WithMetrics(metrics => metrics.AddMeter(BccTelemetry.MeterName).AddConsoleExporter());
}

builder.Services.AddControllers().AddJsonOptions(json =>
{
    json.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
    json.JsonSerializerOptions.TypeInfoResolverChain.Add(BccJson.TypeInfoResolver); // the models' JSON metadata, no reflection
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BccExceptionHandler>();
builder.Services.Configure<FleetReporterOptions>(builder.Configuration.GetSection("Fleet"));
builder.Services.AddHostedService<FleetReporter>();

WebApplication app = builder.Build();
app.UseExceptionHandler();
app.MapControllers();
app.MapHealthChecks("/health", new() { ResponseWriter = HealthReportWriter.WriteAsync });
await app.RunAsync();

/// <summary>The sample's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
