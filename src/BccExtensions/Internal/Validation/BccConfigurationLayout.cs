using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BccExtensions.Internal.Validation;

/// <summary>
/// Where the parameterless registrations find their settings in the host's configuration: the unnamed client in
/// <c>Bcc</c>, named clients in <c>Bcc:Clients:{name}</c>, the settings every client starts from in <c>Bcc:Defaults</c>.
/// </summary>
internal static class BccConfigurationLayout
{
    /// <summary>The children of <c>Bcc</c> that belong to the layout, not to the unnamed client's options.</summary>
    public static readonly string[] Reserved = ["Clients", "Defaults"];

    public static string DefaultsPath => BccOptions.SectionName + ":Defaults";

    public static string ClientPath(string name) => name.Length == 0 ? BccOptions.SectionName : BccOptions.SectionName + ":Clients:" + name;

    /// <summary>Gets whether a section is the layout's root (<c>Bcc</c>), whose reserved children are not option keys.</summary>
    public static bool IsRoot(IConfiguration section) =>
        section is IConfigurationSection { Path: var path } && string.Equals(path, BccOptions.SectionName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets a section of the host's configuration.</summary>
    /// <exception cref="InvalidOperationException">The container has no <see cref="IConfiguration"/>.</exception>
    public static IConfigurationSection Section(IServiceProvider services, string path) =>
        (services.GetService<IConfiguration>() ?? throw new InvalidOperationException(
            $"AddBccClient() binds '{path}' of the host's configuration, but the service provider has no IConfiguration. Build the host with " +
            $"Host.CreateApplicationBuilder or WebApplication.CreateBuilder, or pass the section: AddBccClient(configuration.GetSection(\"{BccOptions.SectionName}\"))."))
        .GetSection(path);
}
