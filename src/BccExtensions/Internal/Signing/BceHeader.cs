namespace BccExtensions.Internal.Signing;

/// <summary>A header that takes part in signing: lower-case name, trimmed non-empty value.</summary>
internal readonly record struct BceHeader(string Name, string Value)
{
    /// <summary>Returns whether a header of this lower-case name is signed, per bce-auth-v1 as Baidu's Go SDK applies it.</summary>
    /// <param name="lowerName">The lower-case header name.</param>
    /// <param name="headersToSign">A custom set replacing host/content-length/content-type/content-md5, or <see langword="null"/>.</param>
    public static bool IsSigned(string lowerName, IList<string>? headersToSign)
    {
        if (lowerName.StartsWith("x-bce-", StringComparison.Ordinal))
        {
            // Every x-bce-* header is signed, except the per-attempt request id.
            return lowerName != "x-bce-request-id";
        }

        if (lowerName == "authorization")
        {
            return false;
        }

        if (headersToSign is null)
        {
            return lowerName is "host" or "content-length" or "content-type" or "content-md5";
        }

        for (int i = 0; i < headersToSign.Count; i++)
        {
            if (string.Equals(headersToSign[i], lowerName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-cases a header name, without allocating for the names HttpClient stores.</summary>
    public static string LowerName(string name) => name switch
    {
        "Host" => "host",
        "Content-Type" => "content-type",
        "Content-Length" => "content-length",
        "Content-MD5" or "Content-Md5" => "content-md5",
        "Authorization" => "authorization",
        _ when !HasUpper(name) => name,
        _ => name.ToLowerInvariant(),
    };

    private static bool HasUpper(string name)
    {
        foreach (char c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}
