namespace BccExtensions.Internal.Validation;

/// <summary>Parses proxy addresses, accepting <c>host:port</c> without a scheme as Baidu's Go SDK examples write it.</summary>
internal static class BccProxyAddress
{
    public static Uri? Parse(string address)
    {
        string text = address.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;
    }
}
