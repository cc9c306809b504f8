using System.Net;
using System.Text;

namespace BccExtensions.Internal.Json;

/// <summary>
/// Turns BCE error answers into <see cref="BccServiceException"/>: the one place that interprets an error body, for
/// non-2xx answers and for error bodies sent with a 2xx status alike. Tolerates empty, truncated and non-JSON bodies.
/// </summary>
internal static class BceError
{
    private const int MaxQuotedBodyChars = 200;

    /// <summary>Reads the error of a non-2xx answer.</summary>
    /// <param name="status">The answer's status.</param>
    /// <param name="reasonPhrase">The status line's reason phrase, naming the error when the body does not.</param>
    /// <param name="body">The answer's body; only its first <see cref="BceErrorBody.MaxBytes"/> are read.</param>
    /// <param name="headerRequestId">The <c>x-bce-request-id</c> header, or <see langword="null"/>.</param>
    public static BccServiceException FromAnswer(HttpStatusCode status, string? reasonPhrase, ReadOnlySpan<byte> body, string? headerRequestId)
    {
        BceErrorBody? parsed = BceErrorBody.TryParse(body);
        string code = BceErrorBody.NonBlank(parsed?.Code) ?? CodeForStatus(status, reasonPhrase);
        string message = BceErrorBody.NonBlank(parsed?.Message) ?? (parsed is null ? Quote(body) : string.Empty);
        return new BccServiceException(status, code, message, BceErrorBody.RequestIdOf(parsed, headerRequestId));
    }

    /// <summary>
    /// Returns the error a 2xx body states (a non-blank <c>code</c> and a <c>message</c>), or <see langword="null"/>
    /// when it is not an error body.
    /// </summary>
    public static BccServiceException? FromSuccessBody(HttpStatusCode status, ReadOnlySpan<byte> body, string? headerRequestId) =>
        BceErrorBody.TryParse(body) is { Message: not null } parsed && BceErrorBody.NonBlank(parsed.Code) is { } code
            ? new BccServiceException(status, code, parsed.Message, BceErrorBody.RequestIdOf(parsed, headerRequestId))
            : null;

    /// <summary>The code Baidu's Go SDK derives when the body has none.</summary>
    private static string CodeForStatus(HttpStatusCode status, string? reasonPhrase) => status switch
    {
        HttpStatusCode.BadRequest => BccErrorCodes.InvalidHttpRequest,
        HttpStatusCode.Forbidden => BccErrorCodes.AccessDenied,
        HttpStatusCode.PreconditionFailed => BccErrorCodes.PreconditionFailed,
        HttpStatusCode.InternalServerError => BccErrorCodes.InternalError,
        _ => (reasonPhrase ?? status.ToString()).Replace(" ", string.Empty, StringComparison.Ordinal),
    };

    private static string Quote(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return string.Empty;
        }

        string text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxQuotedBodyChars * 4)]);
        var quoted = new StringBuilder(Math.Min(text.Length, MaxQuotedBodyChars) + 16);
        foreach (char c in text)
        {
            if (quoted.Length == MaxQuotedBodyChars)
            {
                quoted.Append('…');
                break;
            }

            quoted.Append(char.IsControl(c) ? ' ' : c);
        }

        return "non-JSON error body: " + quoted.ToString().Trim();
    }
}
