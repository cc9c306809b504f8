using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures one BCC client registration further.</summary>
public interface IBccClientBuilder
{
    /// <summary>Gets the registration name (empty for the unnamed client).</summary>
    string Name { get; }

    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Configures every HttpClient of this registration (BCC calls and, when enabled, STS calls), e.g. to add a
    /// handler or replace the primary handler.
    /// </summary>
    /// <remarks>
    /// A handler added here runs inside the pipeline, after the request was signed: it may read and log a request,
    /// but a change to the host, path, query or a signed header makes BCC refuse the signature
    /// (<c>SignatureDoesNotMatch</c>). Resilience settings belong in <see cref="ConfigureResilience"/>.
    /// </remarks>
    /// <param name="configure">Called with each <see cref="IHttpClientBuilder"/>.</param>
    /// <returns>This builder.</returns>
    IBccClientBuilder ConfigureHttpClient(Action<IHttpClientBuilder> configure);

    /// <summary>Configures the standard resilience options after they were bound from <c>Bcc:Resilience</c>.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    IBccClientBuilder ConfigureResilience(Action<HttpStandardResilienceOptions> configure);
}
