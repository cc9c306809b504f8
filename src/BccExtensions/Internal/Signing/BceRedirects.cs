namespace BccExtensions.Internal.Signing;

/// <summary>Turns off automatic redirects on a primary handler: signed requests must never reach another host.</summary>
internal static class BceRedirects
{
    public static void Disable(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
            default:
                // A custom primary handler (a test stub, a platform handler) follows no redirects unless it says so.
                break;
        }
    }
}
