using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Reads each answer's body completely, up to <see cref="MaxResponseBytes"/>, inside the resilience pipeline: a
/// body that stalls is cut by the attempt timeout (and retried where safe) instead of hanging the caller, and an
/// oversized body fails at once with <see cref="InvalidDataException"/> (not retried). Being the innermost of the
/// library's handlers, it also counts the attempts (<see cref="BccTelemetry.Attempts"/>).
/// </summary>
internal sealed class BccResponseBufferingHandler : DelegatingHandler
{
    /// <summary>The largest answer body read; a page of 1000 instances is a few MiB.</summary>
    internal const int MaxResponseBytes = 32 * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (BccTelemetry.Attempts.Enabled && request.GetResilienceContext() is { } context)
        {
            context.Properties.Set(BccTelemetry.AttemptsSent, context.Properties.GetValue(BccTelemetry.AttemptsSent, 0) + 1);
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            HttpContent original = response.Content;
            if (original.Headers.ContentLength > MaxResponseBytes)
            {
                throw TooLarge(request);
            }

            byte[] body = await ReadLimitedAsync(original, request, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in original.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            original.Dispose();
            response.Content = buffered;
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw TooLarge(request);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static InvalidDataException TooLarge(HttpRequestMessage request) =>
        new($"The answer to {request.Method} {request.RequestUri?.AbsolutePath} is larger than {MaxResponseBytes / (1024 * 1024)} MiB; it was not read.");
}
