using System.Buffers;

namespace BccExtensions.Internal.Json;

/// <summary>
/// The one owner of an answer's body. <see cref="BufferAsync"/> reads it once, whole and bounded by
/// <see cref="MaxBytes"/>, into an array of its exact size that replaces the response's content; every later reader
/// (the signer's RequestExpired check, the error reader, the answer reader) gets that same array from
/// <see cref="ReadAsync"/>, and the content stays readable for anyone after them.
/// </summary>
internal static class BccAnswerBody
{
    /// <summary>The largest answer body read; a page of 1000 instances is a few MiB.</summary>
    internal const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>The first buffer for an answer of unknown length (chunked); it doubles, pooled, as the body grows.</summary>
    private const int UnknownLengthStart = 16 * 1024;

    /// <summary>
    /// The largest declared length allocated up front. Above it the body is read as if its length were unknown, so a
    /// server that declares 32 MiB and sends a trickle gets no 32 MiB array for it.
    /// </summary>
    private const int TrustedLength = 1024 * 1024;

    /// <summary>Gets the answer's body, reading and keeping it first if nothing has yet.</summary>
    /// <inheritdoc cref="BufferAsync" path="/exception"/>
    public static ValueTask<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content is Buffered buffered ? new(buffered.Body) : BufferAsync(response, cancellationToken);

    /// <summary>Reads the answer's body whole and puts it back as in-memory content; the original content is disposed.</summary>
    /// <exception cref="InvalidDataException">The body is larger than <see cref="MaxBytes"/>.</exception>
    /// <exception cref="HttpIOException">The body ended before its declared <c>Content-Length</c>.</exception>
    public static async ValueTask<byte[]> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        HttpContent original = response.Content;
        if (original is Buffered already)
        {
            return already.Body;
        }

        long? declared = original.Headers.ContentLength;
        if (declared > MaxBytes)
        {
            throw TooLarge(response);
        }

        byte[] body = await ReadWholeAsync(original, declared, response, cancellationToken).ConfigureAwait(false);
        var buffered = new Buffered(body);
        foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in original.Headers.NonValidated)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        original.Dispose();
        response.Content = buffered;
        return body;
    }

    private static async Task<byte[]> ReadWholeAsync(HttpContent content, long? declared, HttpResponseMessage response, CancellationToken cancellationToken)
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
                    throw new HttpIOException(HttpRequestError.ResponseEnded, $"The answer to {Describe(response)} ended before its Content-Length ({length} bytes).", ended);
                }

                return exact;
            }

            return await ReadUnknownLengthAsync(stream, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> ReadUnknownLengthAsync(Stream stream, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(UnknownLengthStart);
        int total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    throw TooLarge(response);
                }

                if (total == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
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

    private static InvalidDataException TooLarge(HttpResponseMessage response) =>
        new($"The answer to {Describe(response)} is larger than {MaxBytes / (1024 * 1024)} MiB; it was not read.");

    private static string Describe(HttpResponseMessage response) =>
        response.RequestMessage is { } request ? $"{request.Method} {request.RequestUri?.AbsolutePath}" : "the request";

    /// <summary>An answer's body, read whole; its array is handed out without the copy ReadAsByteArrayAsync makes.</summary>
    private sealed class Buffered(byte[] body) : ByteArrayContent(body)
    {
        public byte[] Body { get; } = body;
    }
}
