using BccExtensions;
using BccExtensions.Internal.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers BCC clients.</summary>
public static class BccServiceCollectionExtensions
{
    /// <summary>
    /// Registers the unnamed <see cref="IBccClient"/>, with <see cref="BccOptions"/> bound from the <c>Bcc</c> section of
    /// the host's <see cref="IConfiguration"/> (taken from the container when options are first built) and validated
    /// at startup. <c>Bcc:Defaults</c>, when present, holds settings every client starts from, and <c>Bcc:Clients:{name}</c>
    /// the named clients of <see cref="AddBccClient(IServiceCollection, string)"/>; neither is taken for a misspelled key.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddFromHostConfiguration(services, Options.Options.DefaultName);
    }

    /// <summary>
    /// Registers a named <see cref="IBccClient"/>, resolved as the keyed service <c>[FromKeyedServices(name)] IBccClient</c>,
    /// with options bound from <c>Bcc:Clients:{name}</c> of the host's <see cref="IConfiguration"/> over the shared
    /// <c>Bcc:Defaults</c>, and validated at startup.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name, e.g. a region or account; also the key of its configuration section.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return AddFromHostConfiguration(services, name);
    }

    /// <summary>
    /// Registers the unnamed <see cref="IBccClient"/>, with <see cref="BccOptions"/> bound from a configuration
    /// section (usually <c>configuration.GetSection("Bcc")</c>) and validated at startup.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section with the BCC settings.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(this IServiceCollection services, IConfiguration section) =>
        services.AddBccClient(Options.Options.DefaultName, section);

    /// <summary>Registers the unnamed <see cref="IBccClient"/>, configured in code and validated at startup.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(this IServiceCollection services, Action<BccOptions> configure) =>
        services.AddBccClient(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named <see cref="IBccClient"/>, resolved as the keyed service <c>[FromKeyedServices(name)] IBccClient</c>,
    /// with options bound from a configuration section.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name, e.g. a region or account.</param>
    /// <param name="section">The configuration section with the BCC settings.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(section);
        IBccClientBuilder builder = BccRegistration.Register(services, name);
        services.AddOptions<BccOptions>(name).Bind(section);
        // Keys are checked under a section only: the root of an app's configuration holds everything else too.
        AddValidator(services, name, section is IConfigurationSection { Path.Length: > 0 } s ? s.Path : BccOptions.SectionName, _ => section as IConfigurationSection);
        return builder;
    }

    /// <summary>
    /// Registers a named <see cref="IBccClient"/>, resolved as the keyed service <c>[FromKeyedServices(name)] IBccClient</c>,
    /// configured in code.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name, e.g. a region or account.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the client further.</returns>
    public static IBccClientBuilder AddBccClient(this IServiceCollection services, string name, Action<BccOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddBccClient(services, name, configure, BccOptions.SectionName);
    }

    /// <summary>Registers a client configured in code whose validation messages name keys under <paramref name="keyPrefix"/>.</summary>
    internal static IBccClientBuilder AddBccClient(IServiceCollection services, string name, Action<BccOptions> configure, string keyPrefix)
    {
        IBccClientBuilder builder = BccRegistration.Register(services, name);
        services.AddOptions<BccOptions>(name).Configure(configure);
        AddValidator(services, name, keyPrefix, _ => null);
        return builder;
    }

    /// <summary>
    /// Sets what every BCC client (named or not) starts from, bound from a configuration section: keys, proxy,
    /// timeouts. A client's own section or delegate then overrides what it sets, whatever the order of the calls;
    /// lists (<c>Proxy:BypassList</c>, <c>Signing:HeadersToSign</c>) add to the defaults' items. Unknown keys in the
    /// section stop the host at start like a client's.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section with the shared settings, e.g. <c>configuration.GetSection("Bcc:Defaults")</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection ConfigureBccDefaults(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        BccDefaults.Register(services, section.Path, _ => section);
        return services;
    }

    /// <summary>
    /// Sets in code what every BCC client (named or not) starts from; a client's own section or delegate then
    /// overrides what it sets, whatever the order of the calls.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the shared options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection ConfigureBccDefaults(this IServiceCollection services, Action<BccOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        BccDefaults.Register(services, configure);
        return services;
    }

    private static IBccClientBuilder AddFromHostConfiguration(IServiceCollection services, string name)
    {
        IBccClientBuilder builder = BccRegistration.Register(services, name);
        string path = BccConfigurationLayout.ClientPath(name);
        // What BindConfiguration does, but a container without IConfiguration gets told what to do instead of "no service".
        services.AddOptions<BccOptions>(name).Configure<IServiceProvider>((options, sp) => BccConfigurationLayout.Section(sp, path).Bind(options));
        services.AddSingleton<IOptionsChangeTokenSource<BccOptions>>(sp => new ConfigurationChangeTokenSource<BccOptions>(name, BccConfigurationLayout.Section(sp, path)));
        AddValidator(services, name, path, sp => BccConfigurationLayout.Section(sp, path));
        BccDefaults.RegisterFromHostConfiguration(services);
        return builder;
    }

    private static void AddValidator(IServiceCollection services, string name, string keyPrefix, Func<IServiceProvider, IConfigurationSection?> section)
    {
        if (BccRegistry.Of(services).Validators.Add(name))
        {
            services.AddSingleton<IValidateOptions<BccOptions>>(sp => new BccOptionsValidator(name, keyPrefix, section(sp)));
        }
    }
}
