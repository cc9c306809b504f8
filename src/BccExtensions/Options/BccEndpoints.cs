using System.Diagnostics.CodeAnalysis;

namespace BccExtensions;

/// <summary>Resolves the BCC endpoint from <see cref="BccOptions.Endpoint"/> or <see cref="BccOptions.Region"/>.</summary>
public static class BccEndpoints
{
    private static readonly string[] s_regions = ["bj", "gz", "su", "hkg", "fwh", "bd", "sin", "fsh", "cd"];

    /// <summary>Gets the region ids with a public BCC endpoint.</summary>
    public static IReadOnlyList<string> KnownRegions => s_regions;

    /// <summary>Gets the endpoint of a known region, e.g. <c>bj</c> → <c>https://bcc.bj.baidubce.com</c>.</summary>
    /// <param name="region">The region id.</param>
    /// <returns>The https endpoint.</returns>
    /// <exception cref="ArgumentException">The region is not known; configure an endpoint instead.</exception>
    public static Uri ForRegion(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (Array.IndexOf(s_regions, region.Trim().ToLowerInvariant()) < 0)
        {
            throw new ArgumentException($"Unknown BCC region '{region}'. Known regions: {string.Join(", ", s_regions)}; or set an endpoint.", nameof(region));
        }

        return new Uri($"https://bcc.{region.Trim().ToLowerInvariant()}.baidubce.com");
    }

    /// <summary>
    /// Normalizes a configured endpoint: absolute http/https URIs are kept; a bare host with an optional port
    /// (<c>bcc.bj.baidubce.com</c>, <c>127.0.0.1:8080</c>) becomes https.
    /// </summary>
    internal static bool TryNormalize(Uri configured, [NotNullWhen(true)] out Uri? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        string text = configured.OriginalString.Trim();
        bool hasScheme = text.Contains("://", StringComparison.Ordinal);
        if (!hasScheme)
        {
            if (text.Length == 0 || text.IndexOfAny(['/', '?', '#', ' ']) >= 0
                || !Uri.TryCreate("https://" + text, UriKind.Absolute, out Uri? hostOnly))
            {
                problem = "must be an absolute http or https URI, or a host name; a relative path was given";
                return false;
            }

            endpoint = hostOnly;
            problem = null;
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? absolute) || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps))
        {
            problem = "must use the http or https scheme";
            return false;
        }

        if (absolute.AbsolutePath != "/" || absolute.Query.Length > 0 || absolute.Fragment.Length > 0 || absolute.UserInfo.Length > 0)
        {
            problem = "must be a scheme, host and optional port only (no path, query, fragment or user info)";
            return false;
        }

        endpoint = absolute;
        problem = null;
        return true;
    }

    /// <summary>Resolves the effective endpoint of validated options.</summary>
    internal static Uri Resolve(BccOptions options)
    {
        if (options.Endpoint is not null)
        {
            return TryNormalize(options.Endpoint, out Uri? endpoint, out string? problem)
                ? endpoint
                : throw new InvalidOperationException($"The BCC endpoint {problem}.");
        }

        return ForRegion(options.Region ?? "bj");
    }
}
