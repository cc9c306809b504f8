using BccExtensions;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

internal sealed class BccClientBuilder(string name, IServiceCollection services) : IBccClientBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;

    public IBccClientBuilder ConfigureHttpClient(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Services.AddHttpClient(BccRegistration.BccHttpClientName(Name)));
        configure(Services.AddHttpClient(BccRegistration.StsHttpClientName(Name)));
        return this;
    }

    public IBccClientBuilder ConfigureResilience(Action<HttpStandardResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        // Configure, not PostConfigure: after the sections bound so far, before the client sets its retry rule.
        Services.Configure<BccOptions>(Name, options => configure(options.Resilience));
        return this;
    }
}
