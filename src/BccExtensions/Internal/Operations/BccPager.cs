using System.Runtime.CompilerServices;

namespace BccExtensions.Internal.Operations;

/// <summary>Marker paging: follows <c>nextMarker</c> while <c>isTruncated</c>.</summary>
internal static class BccPager
{
    /// <summary>The service's largest page.</summary>
    public const int MaxPageSize = 1000;

    /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–1000.</exception>
    public static void ThrowIfInvalidMaxKeys(int? maxKeys)
    {
        if (maxKeys is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxKeys), maxKeys, $"MaxKeys must be between 1 and {MaxPageSize}.");
        }
    }

    public static BccPage<T> Page<T>(IReadOnlyList<T> items, string? marker, string? nextMarker, bool isTruncated, int maxKeys) =>
        new() { Items = items, Marker = marker, NextMarker = nextMarker, IsTruncated = isTruncated, MaxKeys = maxKeys };

    /// <summary>Reads page after page, starting at <paramref name="marker"/>, until the last.</summary>
    /// <exception cref="InvalidOperationException">The service answered a <c>nextMarker</c> it had answered before (paging would never end).</exception>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<string?, CancellationToken, Task<BccPage<T>>> readPage,
        string? marker,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requested = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (marker is not null)
            {
                requested.Add(marker);
            }

            BccPage<T> page = await readPage(marker, cancellationToken).ConfigureAwait(false);
            foreach (T item in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            if (!page.IsTruncated || string.IsNullOrEmpty(page.NextMarker))
            {
                yield break;
            }

            if (requested.Contains(page.NextMarker))
            {
                throw new InvalidOperationException($"BCC answered nextMarker '{page.NextMarker}' a second time; paging stopped instead of repeating pages forever.");
            }

            marker = page.NextMarker;
        }
    }
}
