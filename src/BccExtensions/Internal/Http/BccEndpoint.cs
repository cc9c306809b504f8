using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Http;

/// <summary>Where a registration's calls go: the base address, its host, and the region the host names.</summary>
internal sealed class BccEndpoint
{
    private BccEndpoint(string baseAddress, string host, string? region)
    {
        BaseAddress = baseAddress;
        Host = host;
        Region = region;
    }

    /// <summary>Gets the scheme, host and port, without a trailing slash.</summary>
    public string BaseAddress { get; }

    /// <summary>Gets the host (<c>server.address</c>).</summary>
    public string Host { get; }

    /// <summary>Gets the region the host names (<c>cloud.region</c>), or <see langword="null"/> for any other host.</summary>
    public string? Region { get; }

    /// <summary>Describes a resolved endpoint; a cleartext endpoint off this machine is logged as a warning.</summary>
    public static BccEndpoint Of(Uri endpoint, ILogger logger)
    {
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            HttpLog.CleartextEndpoint(logger, endpoint.Host);
        }

        // Baidu's hosts name their region (bcc.{region}.baidubce.com, sts.{region}.baidubce.com), and a configured
        // Region resolves to such a host; any other host has none.
        string? region = endpoint.Host.Split('.') is [_, var named, "baidubce", "com"] ? named : null;
        return new BccEndpoint(endpoint.GetLeftPart(UriPartial.Authority), endpoint.Host, region);
    }
}
