using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace BccExtensions.Tests.Internal.Http;

public sealed class BccResiliencePipelineTests
{
    [Fact]
    public async Task CircuitBreaker_BelongsToOneClient_AcrossItsCalls()
    {
        // Every call takes a new HttpClient from the factory; the circuit is the client's, not the HttpClient's, and a
        // second client keeps its own.
        var stub = new StubHandler((request, _) => request.Uri.Host == "a.bcc.test"
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, string.Empty)
            : StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        var services = new ServiceCollection();
        services.AddLogging();
        foreach (string name in new[] { "a", "b" })
        {
            services.AddBccClient(name, o =>
            {
                o.Endpoint = new Uri($"https://{name}.bcc.test");
                o.AccessKeyId = "ak";
                o.SecretAccessKey = "sk-0123456789abcdef0123456789abcdef";
                o.DisableRetries = true;
                o.Resilience.CircuitBreaker.MinimumThroughput = 2;
                o.Resilience.CircuitBreaker.FailureRatio = 0.5;
            }).ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => stub));
        }

        await using ServiceProvider provider = services.BuildServiceProvider();
        IBccClient a = provider.GetRequiredKeyedService<IBccClient>("a");
        IBccClient b = provider.GetRequiredKeyedService<IBccClient>("b");

        await Assert.ThrowsAsync<BccServiceException>(() => a.Zones.ListAsync());
        await Assert.ThrowsAsync<BccServiceException>(() => a.Zones.ListAsync());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => a.Zones.ListAsync());
        Assert.Empty(await b.Zones.ListAsync());

        Assert.Equal(["a.bcc.test", "a.bcc.test", "b.bcc.test"], stub.Requests.Select(r => r.Uri.Host));
    }
}
