using BccExtensions;
using BccExtensions.Internal.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Settings every BCC client starts from (<c>ConfigureBccDefaults</c>), applied before the client's own section or
/// delegate, whatever the order of registration. Several are applied in registration order.
/// </summary>
internal sealed class BccDefaults(Action<BccOptions> apply, IConfigurationSection? section)
{
    public Action<BccOptions> Apply { get; } = apply;

    /// <summary>Gets the bound section, when the defaults come from configuration (for reloads and the key check).</summary>
    public IConfigurationSection? Section { get; } = section;

    /// <summary>Applies the defaults to a client's options before its own configuration, and reloads with them.</summary>
    public static void AddTo(IServiceCollection services, string name)
    {
        services.AddOptions<BccOptions>(name).Configure<IEnumerable<BccDefaults>>((options, defaults) =>
        {
            foreach (BccDefaults d in defaults)
            {
                d.Apply(options);
            }
        });
        services.AddSingleton<IOptionsChangeTokenSource<BccOptions>>(sp => new ChangeTokenSource(name, sp.GetServices<BccDefaults>()));
    }

    /// <summary>Registers defaults set in code.</summary>
    public static void Register(IServiceCollection services, Action<BccOptions> configure) => services.AddSingleton(new BccDefaults(configure, null));

    /// <summary>Registers defaults bound from a section; its keys are checked at start like a client's, and reported once.</summary>
    public static void Register(IServiceCollection services, string path, Func<IServiceProvider, IConfigurationSection> section)
    {
        services.AddSingleton(sp =>
        {
            IConfigurationSection bound = section(sp);
            return new BccDefaults(options => bound.Bind(options), bound);
        });
        services.AddOptions<KeysChecked>(path).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeysChecked>>(sp => new KeysValidator(section(sp)));
    }

    /// <summary>
    /// Registers <c>Bcc:Defaults</c> of the host's configuration as defaults (once, however many clients bind the
    /// host's configuration); an absent section sets nothing.
    /// </summary>
    public static void RegisterFromHostConfiguration(IServiceCollection services)
    {
        BccRegistry registry = BccRegistry.Of(services);
        if (!registry.HostDefaults)
        {
            registry.HostDefaults = true;
            string path = BccConfigurationLayout.DefaultsPath;
            Register(services, path, sp => BccConfigurationLayout.Section(sp, path));
        }
    }

    /// <summary>Reloads a client's options when a defaults section changes.</summary>
    private sealed class ChangeTokenSource(string name, IEnumerable<BccDefaults> defaults) : IOptionsChangeTokenSource<BccOptions>
    {
        public string Name { get; } = name;

        public IChangeToken GetChangeToken() =>
            new CompositeChangeToken([.. defaults.Where(d => d.Section is not null).Select(d => d.Section!.GetReloadToken())]);
    }

    /// <summary>Stands for one defaults section in the options system, so its key check runs at start, once.</summary>
    private sealed class KeysChecked;

    private sealed class KeysValidator(IConfigurationSection section) : IValidateOptions<KeysChecked>
    {
        public ValidateOptionsResult Validate(string? name, KeysChecked options)
        {
            if (name != section.Path)
            {
                return ValidateOptionsResult.Skip;
            }

            var failures = new List<string>();
            BccConfigurationKeys.Check(section, section.Path, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
