using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FirstCallFloor;
using Microsoft.Extensions.DependencyInjection;

// usage: FirstCallFloor <endpoint> <access key id> <secret access key>
// As BccExtensions.FirstCall: builds the services, lists instances once and exits, 0 for the one-instance page.
var clock = Stopwatch.StartNew();
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FirstCallFloor <endpoint> <access key id> <secret access key>");
    return 2;
}

var services = new ServiceCollection();
services.AddHttpClient("bcc", http => http.BaseAddress = new Uri(args[0])).AddStandardResilienceHandler();
await using ServiceProvider provider = services.BuildServiceProvider();
IHttpClientFactory factory = provider.GetRequiredService<IHttpClientFactory>();
double resolved = clock.Elapsed.TotalMilliseconds;

HttpClient http = factory.CreateClient("bcc");
using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/instance?maxKeys=1000");
string date = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
string host = http.BaseAddress!.Authority;
request.Headers.Host = host;
request.Headers.TryAddWithoutValidation("x-bce-date", date);
request.Headers.TryAddWithoutValidation("Authorization", Signature(args[1], args[2], date, host));
using HttpResponseMessage response = await http.SendAsync(request);
response.EnsureSuccessStatusCode();
InstancePage page = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), FloorJson.Default.InstancePage)!;
double answered = clock.Elapsed.TotalMilliseconds;
Console.WriteLine(FormattableString.Invariant($"resolved={resolved:F0}ms answered={answered:F0}ms"));
return page.Instances.Count == 1 ? 0 : 1;

// bce-auth-v1 over the two signed headers; the endpoint and query need no percent-encoding beyond the host's colon.
static string Signature(string accessKeyId, string secretAccessKey, string date, string host)
{
    string prefix = $"bce-auth-v1/{accessKeyId}/{date}/1800";
    string signingKey = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(prefix)));
    string canonical = $"GET\n/v2/instance\nmaxKeys=1000\nhost:{Uri.EscapeDataString(host)}\nx-bce-date:{Uri.EscapeDataString(date)}";
    string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(canonical)));
    return $"{prefix}/host;x-bce-date/{signature}";
}

namespace FirstCallFloor
{
    internal sealed class InstancePage
    {
        public List<Instance> Instances { get; set; } = [];

        public string? Marker { get; set; }

        public string? NextMarker { get; set; }

        public bool IsTruncated { get; set; }
    }

    internal sealed class Instance
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public string? InternalIp { get; set; }

        public DateTimeOffset? CreateTime { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(InstancePage))]
    internal sealed partial class FloorJson : JsonSerializerContext;
}
