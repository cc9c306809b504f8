using System.Reflection;
using BccExtensions.Internal.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.Internal.Validation;

public class BccConfigurationKeysTests
{
    private const string Secret = "SKEXAMPLE0123456789abcdefSKEXAMPLE";

    [Theory]
    [InlineData("Bcc:Sts:Enable", "Bcc:Sts:Enable is not a BCC client setting; did you mean Bcc:Sts:Enabled?")]
    [InlineData("Bcc:ConectTimeout", "Bcc:ConectTimeout is not a BCC client setting; did you mean Bcc:ConnectTimeout?")]
    [InlineData("Bcc:sts:enabeld", "Bcc:sts:enabeld is not a BCC client setting; did you mean Bcc:Sts:Enabled?")]
    [InlineData("Bcc:ExpirationSeconds", "Bcc:ExpirationSeconds is not a BCC client setting; did you mean Bcc:Signing:ExpirationSeconds?")]
    [InlineData("Bcc:Resilience:Retry:MaxRetryAttemps", "Bcc:Resilience:Retry:MaxRetryAttemps is not a BCC client setting; did you mean Bcc:Resilience:Retry:MaxRetryAttempts?")]
    [InlineData("Bcc:Colour", "Bcc:Colour is not a BCC client setting (docs/configuration.md lists them).")]
    [InlineData("Bcc:ConnectionTimeoutInMillis", "Bcc:ConnectionTimeoutInMillis is a Baidu SDK setting this client does not read; use Bcc:ConnectTimeout for the connect (the Java and Python SDKs' meaning) or Bcc:Resilience:AttemptTimeout:Timeout for each whole attempt (the Go SDK's), as a TimeSpan such as 00:00:30.")]
    [InlineData("Bcc:connection_timeout_in_mills", "Bcc:connection_timeout_in_mills is a Baidu SDK setting this client does not read; use Bcc:ConnectTimeout for the connect (the Java and Python SDKs' meaning) or Bcc:Resilience:AttemptTimeout:Timeout for each whole attempt (the Go SDK's), as a TimeSpan such as 00:00:30.")]
    [InlineData("Bcc:Signing:ExpireSeconds", "Bcc:Signing:ExpireSeconds is a Baidu SDK setting this client does not read; use Bcc:Signing:ExpirationSeconds.")]
    [InlineData("Bcc:ProxyUrl", "Bcc:ProxyUrl is a Baidu SDK setting this client does not read; use Bcc:Proxy:Address.")]
    [InlineData("Bcc:Credentials:AccessKeyId", "Bcc:Credentials is a Baidu SDK setting this client does not read; put the keys directly in the section: Bcc:AccessKeyId, Bcc:SecretAccessKey.")]
    public async Task HostStart_UnknownKey_StopsNamingItAndTheNearestKnownOne(string key, string expected)
    {
        using IHost host = Host(new() { [key] = "x" });

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal([expected], error.Failures);
    }

    [Fact]
    public async Task HostStart_MisspelledRequiredKey_SaysBothOnceAndNeverTheValue()
    {
        using IHost host = Host(new() { ["Bcc:AccesKeyId"] = "AKIDSECRETLOOKING", ["Bcc:AccessKeyId"] = null });

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Bcc:AccesKeyId is not a BCC client setting; did you mean Bcc:AccessKeyId?", "Bcc:AccessKeyId is required."], error.Failures);
        Assert.DoesNotContain("AKIDSECRETLOOKING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_KnownKeysInAnyCaseAndListItems_Start()
    {
        using IHost host = Host(new()
        {
            ["Bcc:sts:ENABLED"] = "false",
            ["Bcc:Proxy:BypassList:0"] = "*.internal",
            ["Bcc:Signing:HeadersToSign:0"] = "host",
            ["Bcc:Resilience:Retry:MaxRetryAttempts"] = "2",
            ["Bcc:Resilience:RateLimiter:DefaultRateLimiterOptions:PermitLimit"] = "100",
        });

        await host.StartAsync();

        Assert.Equal(2, host.Services.GetRequiredService<IOptions<BccOptions>>().Value.Resilience.Retry.MaxRetryAttempts);
        await host.StopAsync();
    }

    [Fact]
    public async Task HostStart_DefaultsSectionTypo_ReportedOnceForAllClients()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bcc:Defaults:AccessKeyId"] = "ak",
            ["Bcc:Defaults:SecretAccessKey"] = Secret,
            ["Bcc:Defaults:ConectTimeout"] = "00:00:05",
            ["Bcc:Beijing:Region"] = "bj",
            ["Bcc:Guangzhou:Region"] = "gz",
        });
        builder.Services.ConfigureBccDefaults(builder.Configuration.GetSection("Bcc:Defaults"));
        builder.Services.AddBccClient("bj", builder.Configuration.GetSection("Bcc:Beijing"));
        builder.Services.AddBccClient("gz", builder.Configuration.GetSection("Bcc:Guangzhou"));
        using IHost host = builder.Build();

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Bcc:Defaults:ConectTimeout is not a BCC client setting; did you mean Bcc:Defaults:ConnectTimeout?"], error.Failures);
    }

    [Fact]
    public void Known_CoversEveryBindableMember()
    {
        // The hand-kept list against what the binder would bind today (this package's resilience version included),
        // so a new option (ours or the resilience handler's) cannot be refused as unknown.
        var bindable = new List<string>();
        Walk(typeof(BccOptions), string.Empty, bindable);

        Assert.Empty(bindable.Except(BccConfigurationKeys.Known, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(BccConfigurationKeys.Known.Except(bindable, StringComparer.OrdinalIgnoreCase));
    }

    private static bool Walk(Type type, string prefix, List<string> keys)
    {
        bool any = false;
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Type t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            string path = prefix.Length == 0 ? property.Name : prefix + ":" + property.Name;
            bool settable = property.SetMethod is { IsPublic: true };
            if (typeof(Delegate).IsAssignableFrom(t))
            {
                continue;
            }

            if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(Uri) || t == typeof(IList<string>))
            {
                if (settable)
                {
                    keys.Add(path);
                    any = true;
                }
            }
            else if (t.IsClass && !t.IsAbstract)
            {
                // A section is known when something beneath it binds (ManualControl, StateProvider hold nothing).
                int at = keys.Count;
                if (Walk(t, path, keys))
                {
                    keys.Insert(at, path);
                    any = true;
                }
            }
        }

        return any;
    }

    private static IHost Host(Dictionary<string, string?> values)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bcc:Region"] = "bj", ["Bcc:AccessKeyId"] = "ak", ["Bcc:SecretAccessKey"] = Secret });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddBccClient(builder.Configuration.GetSection("Bcc"));
        return builder.Build();
    }
}
