namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What the BCC registration methods have added to one service collection, so calling them again adds nothing twice.
/// It lives in the collection itself (as <c>IHttpClientFactory</c>'s name registry does) and is found by one lookup.
/// </summary>
internal sealed class BccRegistry
{
    /// <summary>Gets the names of the registered clients (the unnamed one is the empty name).</summary>
    public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the names of the clients whose options validator is registered.</summary>
    public HashSet<string> Validators { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets whether <c>Bcc:Defaults</c> of the host's configuration is registered.</summary>
    public bool HostDefaults { get; set; }

    /// <summary>Gets the collection's registry, adding it on first use.</summary>
    public static BccRegistry Of(IServiceCollection services)
    {
        for (int i = services.Count - 1; i >= 0; i--)
        {
            if (services[i] is { ServiceType: var type, ImplementationInstance: BccRegistry registry } && type == typeof(BccRegistry))
            {
                return registry;
            }
        }

        var added = new BccRegistry();
        services.AddSingleton(added);
        return added;
    }
}
