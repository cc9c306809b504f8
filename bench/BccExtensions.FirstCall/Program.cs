using System.Diagnostics;
using BccExtensions;
using BccExtensions.Models;
using Microsoft.Extensions.DependencyInjection;

// usage: BccExtensions.FirstCall <endpoint> <access key id> <secret access key>
// Builds the services, resolves IBccClient, lists instances once and exits: 0 for the one-instance page, 1 otherwise.
// Prints when each phase ended, in milliseconds since Main began (the script times the whole process).
var clock = Stopwatch.StartNew();
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: BccExtensions.FirstCall <endpoint> <access key id> <secret access key>");
    return 2;
}

var services = new ServiceCollection();
services.AddBccClient(o =>
{
    o.Endpoint = new Uri(args[0]);
    o.AccessKeyId = args[1];
    o.SecretAccessKey = args[2];
});
await using ServiceProvider provider = services.BuildServiceProvider();
IBccClient client = provider.GetRequiredService<IBccClient>();
double resolved = clock.Elapsed.TotalMilliseconds;
BccPage<BccInstance> page = await client.Instances.ListPageAsync(new ListInstancesRequest { MaxKeys = 1000 });
double answered = clock.Elapsed.TotalMilliseconds;
Console.WriteLine(FormattableString.Invariant($"resolved={resolved:F0}ms answered={answered:F0}ms"));
return page.Items.Count == 1 ? 0 : 1;
