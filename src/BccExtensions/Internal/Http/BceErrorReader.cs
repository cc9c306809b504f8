using System.Net;
using System.Text;
using BccExtensions.Internal.Json;
using BccExtensions.Internal.Signing;

namespace BccExtensions.Internal.Http;

/// <summary>Turns non-2xx answers into <see cref="BccServiceException"/>, tolerating empty, truncated and non-JSON bodies.</summary>
internal static class BceErrorReader
{
    private const int MaxQuotedBodyChars = 200;

    /// <summary>Reads the error of a failed answer. The response content is consumed.</summary>
    public static async Task<BccServiceException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        string? headerRequestId = HeaderRequestId(response);
        BceErrorBody? parsed = BceErrorBody.TryParse(body);
        string code = NonEmpty(parsed?.Code) ?? CodeForStatus(response);
        string message = NonEmpty(parsed?.Message) ?? (parsed is null ? Quote(body) : string.Empty);
        string? requestId = NonEmpty(parsed?.RequestId) ?? NonEmpty(headerRequestId);
        return new BccServiceException(response.StatusCode, code, message, requestId);
    }

    /// <summary>Gets the <c>x-bce-request-id</c> response header, or <see langword="null"/>.</summary>
    public static string? HeaderRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(BceHeaderNames.RequestId, out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is BccResponseBufferingHandler.BufferedContent buffered)
        {
            return buffered.Body.Length <= BceErrorBody.MaxBytes ? buffered.Body : buffered.Body[..BceErrorBody.MaxBytes];
        }

        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BceErrorBody.MaxBytes);
            try
            {
                int total = 0;
                int read;
                while (total < BceErrorBody.MaxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, BceErrorBody.MaxBytes - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer.AsSpan(0, total).ToArray();
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The code Baidu's Go SDK derives when the body has none.</summary>
    private static string CodeForStatus(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.BadRequest => BccErrorCodes.InvalidHttpRequest,
        HttpStatusCode.Forbidden => BccErrorCodes.AccessDenied,
        HttpStatusCode.PreconditionFailed => BccErrorCodes.PreconditionFailed,
        HttpStatusCode.InternalServerError => BccErrorCodes.InternalError,
        _ => (response.ReasonPhrase ?? response.StatusCode.ToString()).Replace(" ", string.Empty, StringComparison.Ordinal),
    };

    private static string Quote(byte[] body)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxQuotedBodyChars * 4));
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

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
