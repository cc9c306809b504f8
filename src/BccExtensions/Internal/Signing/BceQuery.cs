namespace BccExtensions.Internal.Signing;

/// <summary>Walks the <c>&amp;</c>-separated parameters of a query string without allocating.</summary>
internal static class BceQuery
{
    /// <summary>Takes the next parameter off <paramref name="rest"/>; returns false when nothing is left.</summary>
    public static bool TryTakeParameter(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> parameter)
    {
        if (rest.IsEmpty)
        {
            parameter = default;
            return false;
        }

        int separator = rest.IndexOf('&');
        parameter = separator < 0 ? rest : rest[..separator];
        rest = separator < 0 ? [] : rest[(separator + 1)..];
        return true;
    }

    /// <summary>Returns whether the query has a parameter of this (encoded) name, with or without a value.</summary>
    public static bool HasParameter(ReadOnlySpan<char> query, string name)
    {
        while (TryTakeParameter(ref query, out ReadOnlySpan<char> pair))
        {
            int equals = pair.IndexOf('=');
            if ((equals < 0 ? pair : pair[..equals]).Equals(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
