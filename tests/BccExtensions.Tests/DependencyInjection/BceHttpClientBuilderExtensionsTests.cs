using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.DependencyInjection;

public class BceHttpClientBuilderExtensionsTests
{
    [Fact]
    public async Task AddBceSigningHandler_AnyNamedClient_SignsWithTheGivenKeysAndOptions()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{}"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestHost.Start));
        services.AddHttpClient("vpc", c => c.BaseAddress = new Uri("https://bcc.bj.baidubce.com"))
            .AddBceSigningHandler(new BceCredentials("AKIDEXAMPLE0123456789abcdef", "SKEXAMPLE0123456789abcdefSKEXAMPLE"), o => o.ExpirationSeconds = 1800)
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        await using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("vpc");

        using var request = new HttpRequestMessage(HttpMethod.Put, "/v2/instance/i-abc123?start");
        (await client.SendAsync(request)).Dispose();

        // Spec vector I without Content-Type (Go sends one on every request; HttpClient sends none without a body).
        SignerHarness.Result expected = SignerHarness.Sign(
            "PUT", "/v2/instance/i-abc123", [new("start", null)], [new("Host", "bcc.bj.baidubce.com"), new("x-bce-date", "2024-01-02T03:04:05Z")],
            "AKIDEXAMPLE0123456789abcdef", "SKEXAMPLE0123456789abcdefSKEXAMPLE", "2024-01-02T03:04:05Z", 1800);
        Assert.Equal(expected.Authorization, stub.Requests[0].Header("Authorization"));
        Assert.Contains("/1800/host;x-bce-date/", expected.Authorization, StringComparison.Ordinal);
        Assert.Equal("bcc.bj.baidubce.com", stub.Requests[0].Header("Host"));
    }
}
