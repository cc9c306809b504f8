namespace BccExtensions;

/// <summary>A tag on a BCC resource.</summary>
public sealed class BccTag
{
    /// <summary>Gets the tag key.</summary>
    public required string TagKey { get; init; }

    /// <summary>Gets the tag value (may be empty).</summary>
    public string? TagValue { get; init; }
}
