namespace BccExtensions;

/// <summary>One page of a marker-paged list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class BccPage<T>
{
    /// <summary>Gets the items of this page.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Gets the marker this page started at.</summary>
    public string? Marker { get; init; }

    /// <summary>Gets the marker of the next page, when <see cref="IsTruncated"/>.</summary>
    public string? NextMarker { get; init; }

    /// <summary>Gets whether more pages follow.</summary>
    public bool IsTruncated { get; init; }

    /// <summary>Gets the page size the service applied.</summary>
    public int MaxKeys { get; init; }
}
