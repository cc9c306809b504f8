using System.Text.Json;

namespace BccExtensions.Internal.Json;

/// <summary>The BCE error body <c>{code, message, requestId}</c>.</summary>
internal sealed class BceErrorBody
{
    /// <summary>Error bodies are small; anything past this is not read.</summary>
    public const int MaxBytes = 64 * 1024;

    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Reads an error body, or <see langword="null"/> when the bytes are empty or not a JSON object.</summary>
    public static BceErrorBody? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, BccWireJsonContext.Default.BceErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
