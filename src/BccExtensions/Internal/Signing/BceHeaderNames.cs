namespace BccExtensions.Internal.Signing;

/// <summary>The names of the headers bce-auth-v1 sets and Baidu answers with.</summary>
internal static class BceHeaderNames
{
    public const string Authorization = "Authorization";

    public const string Date = "x-bce-date";

    public const string RequestId = "x-bce-request-id";

    public const string SecurityToken = "x-bce-security-token";
}
