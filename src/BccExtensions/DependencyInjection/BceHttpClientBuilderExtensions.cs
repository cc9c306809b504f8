using BccExtensions;
using BccExtensions.Internal.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds bce-auth-v1 signing to any HttpClient, for calls to other Baidu Cloud services (VPC, EIP, BOS…).</summary>
// Two overloads with an optional configure delegate: one takes a provider factory, one fixed credentials; they never
// compete for the same arguments, so the backcompat rule against such overloads does not apply.
#pragma warning disable RS0026
public static class BceHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a handler that signs every request (every attempt, when added after a resilience handler) with
    /// bce-auth-v1, setting <c>Host</c>, <c>x-bce-date</c>, <c>x-bce-request-id</c>, the STS token and <c>Authorization</c>.
    /// Signing options are the named <see cref="BceSigningOptions"/> of the HttpClient's name. Redirects are not followed:
    /// a 3xx answer reaches the caller as it is.
    /// </summary>
    /// <param name="builder">The HttpClient builder.</param>
    /// <param name="credentialProvider">Creates the credential provider, e.g. a <see cref="StaticBceCredentialProvider"/>.</param>
    /// <param name="configure">Optionally configures the signing options.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddBceSigningHandler(
        this IHttpClientBuilder builder,
        Func<IServiceProvider, IBceCredentialProvider> credentialProvider,
        Action<BceSigningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(credentialProvider);
        if (configure is not null)
        {
            builder.Services.Configure(builder.Name, configure);
        }

        string name = builder.Name;
        var skew = new BceClockSkew();
        builder.RedactLoggedHeaders([BceHeaderNames.Authorization, BceHeaderNames.SecurityToken]);

        // Signed requests are never followed to another host (they would carry the session token and the body there).
        builder.ConfigurePrimaryHttpMessageHandler((primary, _) => BceRedirects.Disable(primary));
        return builder.AddHttpMessageHandler(sp =>
        {
            IOptionsMonitor<BceSigningOptions> signing = sp.GetRequiredService<IOptionsMonitor<BceSigningOptions>>();
            return new BceSigningHandler(
                credentialProvider(sp),
                () => signing.Get(name),
                skew,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetService<ILoggerFactory>()?.CreateLogger(BccTelemetry.LoggerCategory) ?? Logging.Abstractions.NullLogger.Instance);
        });
    }

    /// <summary>Adds bce-auth-v1 signing with fixed credentials.</summary>
    /// <param name="builder">The HttpClient builder.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="configure">Optionally configures the signing options.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddBceSigningHandler(this IHttpClientBuilder builder, BceCredentials credentials, Action<BceSigningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var provider = new StaticBceCredentialProvider(credentials);
        return builder.AddBceSigningHandler(_ => provider, configure);
    }
}
#pragma warning restore RS0026
