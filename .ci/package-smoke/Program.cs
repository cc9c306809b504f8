using System.Text.Json.Serialization;
using BccExtensions;
using BccExtensions.Models;
using BccExtensions.Testing;

// Runs the packaged emulator in-process and a trimmed minimal API over the packaged client, then serves:
//   /instances      IAsyncEnumerable<BccInstance> through BccJson.TypeInfoResolver
//   /instances/new  creates an instance and returns the answer
//   /own            the instances through the app's own JSON context over the models
await using BccEmulator emulator = await BccEmulator.StartAsync();
emulator.SeedInstance("smoke-1");

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddBccClient(options =>
{
    options.Endpoint = emulator.Endpoint;
    options.AccessKeyId = emulator.AccessKeyId;
    options.SecretAccessKey = emulator.SecretAccessKey;
});
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default);
    json.SerializerOptions.TypeInfoResolverChain.Add(BccJson.TypeInfoResolver);
});

WebApplication app = builder.Build();
app.MapGet("/instances", (IBccInstancesClient instances) => instances.ListAsync());
app.MapPost("/instances/new", (IBccInstancesClient instances) => instances.CreateAsync(new CreateInstanceRequest
{
    Spec = "bcc.g5.c2m8",
    ImageId = "m-ubuntu2204",
    ZoneName = "cn-bj-a",
    Billing = BccBilling.Postpaid,
}));
app.MapGet("/own", async (IBccInstancesClient instances) =>
{
    var all = new List<BccInstance>();
    await foreach (BccInstance instance in instances.ListAsync())
    {
        all.Add(instance);
    }

    return TypedResults.Json(all.ToArray(), AppJson.Default.BccInstanceArray);
});
await app.RunAsync();

[JsonSerializable(typeof(BccInstance[]))]
internal sealed partial class AppJson : JsonSerializerContext;
