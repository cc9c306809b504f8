using System.Net;
using BccExtensions.Tests.Helpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddBccClient()</c> and <c>services.AddBccClient("gz")</c>: options from the host's configuration in the
/// layout <c>Bcc</c> (the unnamed client), <c>Bcc:Clients:{name}</c> and <c>Bcc:Defaults</c>.
/// </summary>
public sealed class HostConfigurationTests
{
    private static readonly Dictionary<string, string?> s_layout = new()
    {
        ["Bcc:Defaults:AccessKeyId"] = "ak-shared",
        ["Bcc:Defaults:SecretAccessKey"] = "sk-shared-0123456789abcdef",
        ["Bcc:Region"] = "bj",
        ["Bcc:Clients:gz:Region"] = "gz",
        ["Bcc:Clients:su:Region"] = "su",
        ["Bcc:Clients:su:AccessKeyId"] = "ak-su",
    };

    [Fact]
    public async Task AddBccClient_NoArguments_BindsTheBccSectionOfTheHostsConfiguration()
    {
        var stub = new StubHandler((_, _) => StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[]}"));
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bcc:Endpoint"] = "http://127.0.0.1:1",
            ["Bcc:AccessKeyId"] = "ak-host",
            ["Bcc:SecretAccessKey"] = "sk-host-0123456789abcdef",
        });

        builder.Services.AddBccClient().ConfigureHttpClient(h => h.ConfigurePrimaryHttpMessageHandler(() => stub));
        using IHost host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBccClient>().Zones.ListAsync();

        RecordedRequest request = Assert.Single(stub.Requests);
        Assert.Equal("127.0.0.1", request.Uri.Host);
        Assert.Contains("/ak-host/", request.Header("Authorization"), StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddBccClient_ByName_BindsItsClientsSectionOverTheSharedDefaults()
    {
        await using ServiceProvider provider = Build(s_layout, services =>
        {
            services.AddBccClient();
            services.AddBccClient("gz");
            services.AddBccClient("su");
        });
        IOptionsMonitor<BccOptions> options = provider.GetRequiredService<IOptionsMonitor<BccOptions>>();

        // Bcc:Clients and Bcc:Defaults beside the unnamed client's keys are the layout's, not misspellings.
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(("bj", "ak-shared"), (options.Get(Microsoft.Extensions.Options.Options.DefaultName).Region, options.Get(Microsoft.Extensions.Options.Options.DefaultName).AccessKeyId));
        Assert.Equal(("gz", "ak-shared"), (options.Get("gz").Region, options.Get("gz").AccessKeyId));
        Assert.Equal(("su", "ak-su"), (options.Get("su").Region, options.Get("su").AccessKeyId));
        Assert.NotSame(provider.GetRequiredKeyedService<IBccClient>("gz"), provider.GetRequiredKeyedService<IBccClient>("su"));
    }

    [Fact]
    public void Layout_MisspelledKeys_AreNamedWhereverTheyAre()
    {
        var settings = new Dictionary<string, string?>(s_layout)
        {
            ["Bcc:Clients:gz:Sts:Enable"] = "true",
            ["Bcc:Defaults:Regoin"] = "bj",
            ["Bcc:Clientz:gz:Region"] = "gz",
        };
        using ServiceProvider provider = Build(settings, services =>
        {
            services.AddBccClient();
            services.AddBccClient("gz");
        });

        // One OptionsValidationException per options instance (the unnamed client, gz, the defaults), gathered by the host.
        AggregateException error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        string[] failures = [.. error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];

        Assert.Equal(
            [
                "Bcc:Clients:gz:Sts:Enable is not a BCC client setting; did you mean Bcc:Clients:gz:Sts:Enabled?",
                "Bcc:Clientz is not a BCC client setting (docs/configuration.md lists them).",
                "Bcc:Defaults:Regoin is not a BCC client setting; did you mean Bcc:Defaults:Region?",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddBccClient_WithoutAHostConfiguration_SaysWhatToDo()
    {
        var services = new ServiceCollection();
        services.AddBccClient();
        using ServiceProvider provider = services.BuildServiceProvider();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName));

        Assert.Contains("no IConfiguration", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddBccClient(configuration.GetSection(\"Bcc\"))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostConfiguration_Reload_ReachesTheClientsOptions()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(s_layout).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBccClient("gz");
        await using ServiceProvider provider = services.BuildServiceProvider();
        IOptionsMonitor<BccOptions> options = provider.GetRequiredService<IOptionsMonitor<BccOptions>>();
        Assert.Equal("gz", options.Get("gz").Region);

        configuration["Bcc:Clients:gz:Region"] = "bd";
        configuration.Reload();

        Assert.Equal("bd", options.Get("gz").Region);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        register(services);
        return services.BuildServiceProvider();
    }
}
