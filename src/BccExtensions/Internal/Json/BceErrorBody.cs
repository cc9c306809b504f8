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

    /// <summary>Reads an error body from its first <see cref="MaxBytes"/>, or <see langword="null"/> when they are empty or not a JSON object.</summary>
    public static BceErrorBody? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body[..Math.Min(body.Length, MaxBytes)], BccWireJsonContext.Default.BceErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The one request-id rule: the body's <c>requestId</c>, else the <c>x-bce-request-id</c> header; blank counts as absent.
    /// </summary>
    public static string? RequestIdOf(BceErrorBody? body, string? headerRequestId) =>
        NonBlank(body?.RequestId) ?? NonBlank(headerRequestId);

    /// <summary>Returns whether a body carries the <c>RequestExpired</c> code that tells the signer its clock is off.</summary>
    public static bool IsRequestExpired(ReadOnlySpan<byte> body) =>
        body.IndexOf("RequestExpired"u8) >= 0 && TryParse(body)?.Code == BccErrorCodes.RequestExpired;

    internal static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
