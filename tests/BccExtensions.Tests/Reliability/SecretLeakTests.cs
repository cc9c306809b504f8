using System.Collections.Concurrent;
using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace BccExtensions.Tests.Reliability;

/// <summary>A full scenario at Trace level with HttpClient logging: no secret appears in logs, errors or ToString().</summary>
public sealed class SecretLeakTests(ITestOutputHelper output)
{
    private const string Password = "S3cret-Pa55word!";

    [Fact]
    public async Task FullScenarioAtTrace_NoSecretInLogsExceptionsOrToString()
    {
        var logs = new CapturingLoggerProvider();
        var sent = new ConcurrentBag<(string Authorization, string? Token)>();
        await using EmulatorHost host = await EmulatorHost.StartAsync(
            new Dictionary<string, string?> { ["Bcc:Sts:Enabled"] = "true", ["Bcc:Sts:DurationSeconds"] = "900" },
            configure: (services, bcc) =>
            {
                services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
                // The factory's own request logs are off for BCC clients; an app that turns them back on must still
                // see the signing headers redacted.
                bcc.ConfigureHttpClient(http => http.AddDefaultLogger().AddHttpMessageHandler(() => new Capture(sent)));
            });
        host.Configuration["Bcc:Sts:Endpoint"] = host.Emulator.Endpoint.ToString();
        host.Configuration.Reload();
        var texts = new List<string>();

        CreateInstanceResponse created = await host.Client.Instances.CreateAsync(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "bcc.g5.c2m8", ImageId = "m-ubuntu2204", ZoneName = "cn-bj-a", AdminPassword = Password });
        await foreach (BccInstance _ in host.Client.Instances.ListAsync())
        {
        }

        texts.Add((await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Instances.StopAsync(created.InstanceIds[0]))).ToString());
        texts.Add((await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Instances.GetAsync("i-missing"))).ToString());
        host.Configuration["Bcc:SecretAccessKey"] = "wrong-secret-0123456789abcdef";
        host.Configuration.Reload();
        texts.Add((await Assert.ThrowsAsync<BceCredentialException>(() => host.Client.Zones.ListAsync())).ToString());
        BccOptions options = host.Services.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(string.Empty);
        texts.Add(options.ToString()!);
        texts.Add(new BceCredentials("ak", host.Emulator.SecretAccessKey, "session-token-value").ToString());
        texts.Add(new CreateInstanceRequest { Billing = BccBilling.Postpaid, Spec = "s", ImageId = "m", ZoneName = "z", AdminPassword = Password }.ToString()!);
        texts.AddRange(logs.Entries);

        string[] secrets =
        [
            host.Emulator.SecretAccessKey,
            "wrong-secret-0123456789abcdef",
            "session-token-value",
            Password,
            .. sent.Select(s => s.Authorization),
            .. sent.Select(s => s.Token).OfType<string>(),
        ];
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal) && e.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Token is not null);
        foreach (string text in texts)
        {
            foreach (string secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret leaked into: {text[..Math.Min(200, text.Length)]}");
            }
        }

        output.WriteLine($"{logs.Entries.Count} log entries, {texts.Count - logs.Entries.Count} exception and ToString texts, {secrets.Length} secrets checked: no leak");
    }

    /// <summary>Sits inside the signer to learn the Authorization values and tokens that were really sent.</summary>
    private sealed class Capture(ConcurrentBag<(string, string?)> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add((
                request.Headers.NonValidated["Authorization"].ToString(),
                request.Headers.NonValidated.TryGetValues("x-bce-security-token", out var token) ? token.ToString() : null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
