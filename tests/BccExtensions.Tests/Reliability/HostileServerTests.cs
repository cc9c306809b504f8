using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.Reliability;

/// <summary>Servers that misbehave on purpose: redirects to other hosts, hostile credentials, markers that never end.</summary>
public sealed class HostileServerTests
{
    private const string SessionToken = "session-token-that-must-stay-home";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Redirect_ToAnotherHost_FailsWithTheStatusAndNothingReachesIt(int status)
    {
        await using var elsewhere = new RawHttpServer(_ => RawHttpServer.Json("""{"instance":{"id":"i-other"}}"""));
        await using var endpoint = new RawHttpServer(request => RawHttpServer.Redirect(status, new Uri(elsewhere.Endpoint, request.Target)));
        await using ServiceProvider services = Client(endpoint.Endpoint, new() { ["Bcc:SessionToken"] = SessionToken });
        IBccClient bcc = services.GetRequiredService<IBccClient>();

        BccServiceException get = await Assert.ThrowsAsync<BccServiceException>(() => bcc.Instances.GetAsync("i-1"));
        BccServiceException create = await Assert.ThrowsAsync<BccServiceException>(() => bcc.Instances.CreateAsync(
            new CreateInstanceRequest { Spec = "bcc.g5.c2m8", ImageId = "m-1", ZoneName = "cn-bj-a", Billing = BccBilling.Postpaid, AdminPassword = "Pa55word!" }));

        Assert.Equal((HttpStatusCode)status, get.StatusCode);
        Assert.Equal((HttpStatusCode)status, create.StatusCode);
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(2, endpoint.Requests.Count); // Not retried: a redirect will not go away.
    }

    [Fact]
    public async Task Redirect_OfTheStsEndpoint_FailsAndNothingReachesTheOtherHost()
    {
        await using var elsewhere = new RawHttpServer(_ => RawHttpServer.Json("""{"accessKeyId":"ak","secretAccessKey":"sk","sessionToken":"t"}"""));
        await using var sts = new RawHttpServer(request => RawHttpServer.Redirect(307, new Uri(elsewhere.Endpoint, request.Target)));
        await using ServiceProvider services = Client(new Uri("http://127.0.0.1:9"), new() { ["Bcc:Sts:Enabled"] = "true", ["Bcc:Sts:Endpoint"] = sts.Endpoint.ToString() });

        BceCredentialException error = await Assert.ThrowsAsync<BceCredentialException>(() => services.GetRequiredService<IBccClient>().Zones.ListAsync());

        Assert.Equal(HttpStatusCode.TemporaryRedirect, Assert.IsType<BccServiceException>(error.InnerException).StatusCode);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public void AddBceSigningHandler_AnyHttpClient_FollowsNoRedirect()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("vpc").AddBceSigningHandler(new BceCredentials("ak", "sk"));
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("vpc");
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        // The factory's default primary handler is SocketsHttpHandler from Microsoft.Extensions.Http 9, HttpClientHandler before.
        Assert.False(handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => throw new Xunit.Sdk.XunitException($"unexpected primary handler {handler.GetType()}"),
        });
    }

    [Theory]
    [InlineData("Bcc:AccessKeyId", "AKID\r\nX-Injected: 1", "a line break at position 5")]
    [InlineData("Bcc:SecretAccessKey", "secret\nvalue-0123456789", "a line break at position 7")]
    [InlineData("Bcc:SessionToken", "token\u0000", "a control character at position 6")]
    [InlineData("Bcc:AccessKeyId", "AKIDé", "a non-ASCII character at position 5")]
    [InlineData("Bcc:SessionToken", "tok en", "a space at position 4")]
    public void Options_CredentialWithAnUnprintableCharacter_RefusedAtStartWithoutTheValue(string key, string value, string problem)
    {
        using ServiceProvider services = Client(new Uri("https://bcc.bj.baidubce.com"), new() { [key] = value });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName));

        Assert.Contains($"{key} has {problem}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Trim(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Injected", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AK\r\nX: 1", "sk", null, "accessKeyId")]
    [InlineData("ak", "sk\n", null, "secretAccessKey")]
    [InlineData("ak", "sk", "to\r\nX: 1", "sessionToken")]
    public void Credentials_FromACustomProvider_UnprintableCharacterRefusedByParameterName(string accessKeyId, string secretAccessKey, string? sessionToken, string parameter)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new BceCredentials(accessKeyId, secretAccessKey, sessionToken));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith($"The {parameter} has a line break at position 3;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X: 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StsAnswer_TokenWithALineBreak_RefusedAndNeverSent()
    {
        await using TestHost host = TestHost.Create(
            (request, _) => request.Uri.Host == "sts.bj.baidubce.com"
                ? StubHandler.Json(HttpStatusCode.OK, """{"accessKeyId":"temp-ak","secretAccessKey":"temp-sk-0123456789abcdef","sessionToken":"tok\r\nX-Injected: 1","expiration":"2024-01-02T15:04:05Z"}""")
                : StubHandler.Json(HttpStatusCode.OK, """{"zones":[]}"""),
            new Dictionary<string, string?> { ["Bcc:Sts:Enabled"] = "true" });

        BceCredentialException error = await Assert.ThrowsAsync<BceCredentialException>(() => host.Client.Zones.ListAsync());

        Assert.Contains("sessionToken has a line break", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Injected", error.ToString(), StringComparison.Ordinal);
        Assert.All(host.Stub.Requests, r => Assert.Equal("sts.bj.baidubce.com", r.Uri.Host));
    }

    [Fact]
    public async Task ListAsync_ServerRepeatsTheMarker_StopsWithAClearError()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"isTruncated":true,"nextMarker":"i-loop","instances":[{"id":"i-1"}]}"""));

        var read = new List<string?>();
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (BccInstance instance in host.Client.Instances.ListAsync())
            {
                read.Add(instance.Id);
            }
        });

        Assert.Contains("nextMarker 'i-loop' a second time", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Stub.Requests.Count);
        Assert.Equal(["i-1", "i-1"], read);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"instances":null,"isTruncated":false}""")]
    public async Task ListAsync_AnswerWithoutAList_ReadsNothingAndNeverThrows(string body)
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, body));

        var read = new List<BccInstance>();
        await foreach (BccInstance instance in host.Client.Instances.ListAsync())
        {
            read.Add(instance);
        }

        Assert.Empty(read);
        Assert.Empty((await host.Client.Zones.ListAsync()));
    }

    [Fact]
    public void Options_StsEndpointWithAPassword_RefusedWithoutEchoingIt()
    {
        using ServiceProvider services = Client(new Uri("https://bcc.bj.baidubce.com"), new() { ["Bcc:Sts:Enabled"] = "true", ["Bcc:Sts:Endpoint"] = "https://ops:hunter2@sts.bj.baidubce.com" });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName));

        Assert.Contains("Bcc:Sts:Endpoint must not carry user info", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpRequestError.SecureConnectionError, true, false)]
    [InlineData(HttpRequestError.SecureConnectionError, false, true)]
    [InlineData(HttpRequestError.InvalidResponse, false, false)]
    [InlineData(HttpRequestError.ConfigurationLimitExceeded, false, false)]
    [InlineData(HttpRequestError.ConnectionError, false, true)]
    public void RetryRule_FailuresThatRepeatOnEveryAttempt_NotRetried(HttpRequestError error, bool certificate, bool retried)
    {
        Exception? inner = certificate ? new System.Security.Authentication.AuthenticationException("The remote certificate is invalid.") : null;
        var outcome = Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "failed", inner));

        Assert.Equal(retried, BccExtensions.Internal.Http.BccRetryRule.IsRetryable(outcome, replayable: true));
    }

    [Fact]
    public async Task ListFilter_ValueWithAComma_RefusedBeforeAnyRequest()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"instances":[]}"""));

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Instances.ListPageAsync(new ListInstancesRequest { InstanceIds = ["i-1", "i-2,i-3"] }));

        Assert.Contains("Item 2 of 'instanceIds' contains a comma", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Stub.Requests);
    }

    [Theory]
    [InlineData("http://bcc.bj.baidubce.com", 1)]
    [InlineData("https://bcc.bj.baidubce.com", 0)]
    [InlineData("http://127.0.0.1:8080", 0)]
    public async Task Endpoint_PlainHttpBeyondLoopback_WarnsOnce(string endpoint, int warnings)
    {
        var logs = new CapturingLoggerProvider();
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, """{"zones":[]}"""), new Dictionary<string, string?> { ["Bcc:Endpoint"] = endpoint }, logs: logs);

        await host.Client.Zones.ListAsync();
        await host.Client.Zones.ListAsync();

        Assert.Equal(warnings, logs.Entries.Count(entry => entry.Contains("[6]", StringComparison.Ordinal) && entry.Contains("is plain http", StringComparison.Ordinal)));
    }

    private static ServiceProvider Client(Uri endpoint, Dictionary<string, string?> settings)
    {
        IConfigurationRoot configuration = TestConfiguration.Bcc(endpoint.ToString(), TestHost.AccessKeyId, TestHost.SecretAccessKey, settings);
        var services = new ServiceCollection();
        services.AddBccClient(configuration.GetSection("Bcc"));
        return services.BuildServiceProvider();
    }
}
