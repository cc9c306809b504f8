using BccExtensions;
using BccExtensions.Sample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Without keys, the sample runs dry: the full pipeline (options, resilience, signing) runs and the signed
// requests are printed instead of being sent. With Bcc__AccessKeyId and Bcc__SecretAccessKey set, it lists
// the zones and instances of the configured region for real.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
IConfigurationSection bcc = builder.Configuration.GetSection(BccOptions.SectionName);
bool dryRun = string.IsNullOrWhiteSpace(bcc["AccessKeyId"]);
if (dryRun)
{
    bcc["AccessKeyId"] = "AKIDEXAMPLE0123456789abcdef";
    bcc["SecretAccessKey"] = "SKEXAMPLE0123456789abcdefSKEXAMPLE";
}

IBccClientBuilder bccBuilder = builder.Services.AddBccClient(bcc);
if (dryRun)
{
    bccBuilder.ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => new DryRunHandler(Console.Out)));
}

using IHost host = builder.Build();
await host.StartAsync();

IBccClient client = host.Services.GetRequiredService<IBccClient>();
Console.WriteLine(dryRun ? "No keys configured: dry run, nothing leaves this machine." : "Listing the region's zones and instances.");

IReadOnlyList<BccZone> zones = await client.Zones.ListAsync();
Console.WriteLine($"Zones: {string.Join(", ", zones.Select(z => z.ZoneName))}");

int count = 0;
await foreach (BccInstance instance in client.Instances.ListAsync(new ListInstancesRequest { MaxKeys = 100 }))
{
    Console.WriteLine($"{instance.Id,-14} {instance.Status,-10} {instance.Spec,-16} {instance.ZoneName,-9} {instance.Name}");
    count++;
}

Console.WriteLine($"{count} instance(s).");
await host.StopAsync();
