using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.DependencyInjection;

/// <summary>Named clients start from the shared defaults and override what their own section sets.</summary>
public class BccDefaultsTests
{
    private const string SharedSecret = "shared-sk-0123456789abcdef";

    [Fact]
    public async Task NamedClients_TwoRegionsOneSetOfKeys_SignWithTheSharedKeysAtTheirOwnEndpoints()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        IConfigurationRoot configuration = Configuration(new()
        {
            ["Bcc:Defaults:AccessKeyId"] = "shared-ak",
            ["Bcc:Defaults:SecretAccessKey"] = SharedSecret,
            ["Bcc:Defaults:ConnectTimeout"] = "00:00:07",
            ["Bcc:Beijing:Region"] = "bj",
            ["Bcc:Guangzhou:Region"] = "gz",
            ["Bcc:Guangzhou:ConnectTimeout"] = "00:00:03",
        });
        var services = new ServiceCollection();

        // Defaults registered after the clients still come first: the order of the calls does not matter.
        services.AddBccClient("bj", configuration.GetSection("Bcc:Beijing")).ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        services.AddBccClient("gz", configuration.GetSection("Bcc:Guangzhou")).ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        services.ConfigureBccDefaults(configuration.GetSection("Bcc:Defaults"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IBccClient>("bj").Zones.ListAsync();
        await provider.GetRequiredKeyedService<IBccClient>("gz").Zones.ListAsync();

        Assert.Equal(["bcc.bj.baidubce.com", "bcc.gz.baidubce.com"], stub.Requests.Select(r => r.Uri.Host));
        Assert.All(stub.Requests, r => Assert.StartsWith("bce-auth-v1/shared-ak/", r.Header("Authorization"), StringComparison.Ordinal));
        IOptionsMonitor<BccOptions> options = provider.GetRequiredService<IOptionsMonitor<BccOptions>>();
        Assert.Equal(TimeSpan.FromSeconds(7), options.Get("bj").ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Get("gz").ConnectTimeout);
    }

    [Fact]
    public void Defaults_InCode_ApplyToUnnamedAndCodeConfiguredClientsBeforeTheirOwnSettings()
    {
        var services = new ServiceCollection();
        services.ConfigureBccDefaults(o => { o.AccessKeyId = "shared-ak"; o.SecretAccessKey = SharedSecret; o.UserAgent = "fleet"; });
        services.AddBccClient(o => o.Region = "gz");
        services.AddBccClient("own", o => { o.AccessKeyId = "own-ak"; o.SecretAccessKey = "own-sk-0123456789abcdef"; });
        using ServiceProvider provider = services.BuildServiceProvider();

        IOptionsMonitor<BccOptions> options = provider.GetRequiredService<IOptionsMonitor<BccOptions>>();
        Assert.Equal(("shared-ak", "gz", "fleet"), (options.Get(string.Empty).AccessKeyId, options.Get(string.Empty).Region, options.Get(string.Empty).UserAgent));
        Assert.Equal(("own-ak", "fleet"), (options.Get("own").AccessKeyId, options.Get("own").UserAgent));
    }

    [Fact]
    public void Defaults_MissingFromBoth_StillNamesTheClientsKey()
    {
        IConfigurationRoot configuration = Configuration(new() { ["Bcc:Defaults:AccessKeyId"] = "shared-ak", ["Bcc:Guangzhou:Region"] = "gz" });
        var services = new ServiceCollection();
        services.ConfigureBccDefaults(configuration.GetSection("Bcc:Defaults"));
        services.AddBccClient("gz", configuration.GetSection("Bcc:Guangzhou"));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<BccOptions>>().Get("gz"));

        Assert.Equal(["Bcc:Guangzhou:SecretAccessKey is required."], error.Failures);
    }

    [Fact]
    public async Task DefaultsReload_RotatedSharedKeys_SignTheNextCallOfEveryClient()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        IConfigurationRoot configuration = Configuration(new()
        {
            ["Bcc:Defaults:AccessKeyId"] = "old-ak",
            ["Bcc:Defaults:SecretAccessKey"] = SharedSecret,
            ["Bcc:Beijing:Region"] = "bj",
        });
        var services = new ServiceCollection();
        services.ConfigureBccDefaults(configuration.GetSection("Bcc:Defaults"));
        services.AddBccClient("bj", configuration.GetSection("Bcc:Beijing")).ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        await using ServiceProvider provider = services.BuildServiceProvider();
        IBccClient client = provider.GetRequiredKeyedService<IBccClient>("bj");
        await client.Zones.ListAsync();

        configuration["Bcc:Defaults:AccessKeyId"] = "new-ak";
        configuration.Reload();
        await client.Zones.ListAsync();

        Assert.StartsWith("bce-auth-v1/old-ak/", stub.Requests[0].Header("Authorization"), StringComparison.Ordinal);
        Assert.StartsWith("bce-auth-v1/new-ak/", stub.Requests[1].Header("Authorization"), StringComparison.Ordinal);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
