using System.Buffers;
using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Reads each answer's body completely, up to <see cref="MaxResponseBytes"/>, inside the resilience pipeline: a
/// body that stalls is cut by the attempt timeout (and retried where safe) instead of hanging the caller, and an
/// oversized body fails at once with <see cref="InvalidDataException"/> (not retried). The body is read once into an
/// array of its exact size (<see cref="BufferedContent"/>), which the transport then reads without copying. Being the
/// innermost of the library's handlers, it also counts the attempts (<see cref="BccInstruments.Attempts"/>).
/// </summary>
internal sealed class BccResponseBufferingHandler : DelegatingHandler
{
    /// <summary>The largest answer body read; a page of 1000 instances is a few MiB.</summary>
    internal const int MaxResponseBytes = 32 * 1024 * 1024;

    /// <summary>The first buffer for an answer of unknown length (chunked); it doubles, pooled, as the body grows.</summary>
    private const int UnknownLengthStart = 16 * 1024;

    /// <summary>
    /// The largest declared length allocated up front. Above it the body is read as if its length were unknown, so a
    /// server that declares 32 MiB and sends a trickle gets no 32 MiB array for it.
    /// </summary>
    private const int TrustedLength = 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (BccInstruments.Attempts.Enabled && request.GetResilienceContext() is { } context)
        {
            context.Properties.Set(BccInstruments.AttemptsSent, context.Properties.GetValue(BccInstruments.AttemptsSent, 0) + 1);
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            HttpContent original = response.Content;
            long? declared = original.Headers.ContentLength;
            if (declared > MaxResponseBytes)
            {
                throw TooLarge(request);
            }

            byte[] body = await ReadAsync(original, declared, request, cancellationToken).ConfigureAwait(false);
            var buffered = new BufferedContent(body);
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

    private static async Task<byte[]> ReadAsync(HttpContent content, long? declared, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (declared is { } length and <= TrustedLength)
            {
                // HttpClient fails an answer that ends before its Content-Length and never reads past it.
                byte[] exact = length == 0 ? [] : new byte[length];
                try
                {
                    await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
                }
                catch (EndOfStreamException ended)
                {
                    // Only a handler other than HttpClient's own gets here (it fails such an answer itself).
                    throw new HttpIOException(HttpRequestError.ResponseEnded, $"The answer to {request.Method} {request.RequestUri?.AbsolutePath} ended before its Content-Length ({length} bytes).", ended);
                }

                return exact;
            }

            return await ReadUnknownLengthAsync(stream, request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> ReadUnknownLengthAsync(Stream stream, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(UnknownLengthStart);
        int total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxResponseBytes)
                {
                    throw TooLarge(request);
                }

                if (total == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxResponseBytes + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static InvalidDataException TooLarge(HttpRequestMessage request) =>
        new($"The answer to {request.Method} {request.RequestUri?.AbsolutePath} is larger than {MaxResponseBytes / (1024 * 1024)} MiB; it was not read.");

    /// <summary>An answer's body, read whole; <see cref="Body"/> hands it over without the copy ReadAsByteArrayAsync makes.</summary>
    internal sealed class BufferedContent(byte[] body) : ByteArrayContent(body)
    {
        public byte[] Body { get; } = body;
    }
}
