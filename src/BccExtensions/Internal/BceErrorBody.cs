namespace BccExtensions.Internal;

/// <summary>The BCE error body <c>{code, message, requestId}</c>.</summary>
internal sealed class BceErrorBody
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }
}
