namespace BccExtensions.Internal.Operations;

/// <summary>Argument checks that run before any request leaves the process.</summary>
internal static class BccArguments
{
    /// <summary>Rejects ids that are empty or could change the request's path or query.</summary>
    /// <exception cref="ArgumentException">The id is empty, white space, <c>.</c>/<c>..</c>, or has <c>/ \ ? # %</c>, white space or control characters.</exception>
    public static void ThrowIfInvalidId(string? id, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (id is "." or "..")
        {
            throw new ArgumentException($"'{paramName}' must be a resource id, not '{id}'.", paramName);
        }

        foreach (char c in id)
        {
            if (c is '/' or '\\' or '?' or '#' or '%' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"'{paramName}' contains a character that is not allowed in a resource id (U+{(int)c:X4}).", paramName);
            }
        }
    }

    /// <summary>Throws when a count the caller set is below the service's minimum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below <paramref name="minimum"/>.</exception>
    public static void ThrowIfLessThan(int? value, int minimum, string paramName)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least {minimum}.");
        }
    }
}
