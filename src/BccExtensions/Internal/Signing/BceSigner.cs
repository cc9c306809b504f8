using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BccExtensions.Internal.Signing;

/// <summary>
/// Computes bce-auth-v1 Authorization values. Pure and allocation-lean: it runs on every request attempt.
/// </summary>
/// <remarks>
/// Inputs are what goes on the wire: the percent-encoded path and query. Their canonical forms are derived by
/// re-encoding each decoded byte, so the string that is signed is exactly the string that is sent.
/// </remarks>
internal static class BceSigner
{
    /// <summary>The auth version prefix.</summary>
    public const string AuthVersion = "bce-auth-v1";

    private const int StackLimit = 256;

    /// <summary>Formats an instant as a bce-auth-v1 timestamp (UTC, whole seconds).</summary>
    public static string FormatTimestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Computes the Authorization header value.</summary>
    /// <param name="method">The HTTP method, upper-case.</param>
    /// <param name="escapedPath">The path as sent, percent-encoded.</param>
    /// <param name="escapedQuery">The query as sent, without the leading <c>?</c>.</param>
    /// <param name="headers">The headers to sign (see <see cref="BceHeader.IsSigned"/>), in any order.</param>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="timestamp">The signing instant, formatted by <see cref="FormatTimestamp"/>.</param>
    /// <param name="expirationSeconds">The validity written into the auth string.</param>
    public static string Sign(
        string method,
        ReadOnlySpan<char> escapedPath,
        ReadOnlySpan<char> escapedQuery,
        ReadOnlySpan<BceHeader> headers,
        string accessKeyId,
        string secretAccessKey,
        string timestamp,
        int expirationSeconds)
    {
        var canonical = new PooledCharBuilder(256 + escapedPath.Length + escapedQuery.Length);
        var auth = new PooledCharBuilder(160 + accessKeyId.Length + (headers.Length * 24));
        try
        {
            WriteCanonicalRequest(ref canonical, method, escapedPath, escapedQuery, headers);

            WriteAuthPrefix(ref auth, accessKeyId, timestamp, expirationSeconds);
            IncrementalHash signer = SigningKeyCache.GetSignatureHmac(secretAccessKey, auth.AsSpan());

            auth.Append('/');
            WriteSignedHeaderNames(ref auth, headers);
            auth.Append('/');

            Span<char> signature = stackalloc char[64];
            HmacHex(signer, canonical.AsSpan(), signature);
            auth.Append(signature);

            return auth.AsSpan().ToString();
        }
        finally
        {
            canonical.Dispose();
            auth.Dispose();
        }
    }

    /// <summary>Writes <c>bce-auth-v1/{ak}/{timestamp}/{expiration}</c>.</summary>
    public static void WriteAuthPrefix(ref PooledCharBuilder builder, string accessKeyId, string timestamp, int expirationSeconds)
    {
        builder.Append(AuthVersion);
        builder.Append('/');
        builder.Append(accessKeyId);
        builder.Append('/');
        builder.Append(timestamp);
        builder.Append('/');
        Span<char> digits = stackalloc char[11];
        expirationSeconds.TryFormat(digits, out int written, provider: CultureInfo.InvariantCulture);
        builder.Append(digits[..written]);
    }

    /// <summary>Writes the 64-character lower-case hex signing key for an auth string prefix.</summary>
    public static void WriteSigningKey(string secretAccessKey, ReadOnlySpan<char> authPrefix, Span<char> destination)
    {
        int keyLength = Encoding.UTF8.GetByteCount(secretAccessKey);
        byte[]? rented = keyLength > StackLimit ? ArrayPool<byte>.Shared.Rent(keyLength) : null;
        Span<byte> key = rented is null ? stackalloc byte[StackLimit] : rented;
        try
        {
            int written = Encoding.UTF8.GetBytes(secretAccessKey, key);
            HmacHex(key[..written], authPrefix, destination);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    /// <summary>Writes the canonical request: method, URI, query and headers, joined by newlines.</summary>
    public static void WriteCanonicalRequest(
        ref PooledCharBuilder builder,
        string method,
        ReadOnlySpan<char> escapedPath,
        ReadOnlySpan<char> escapedQuery,
        ReadOnlySpan<BceHeader> headers)
    {
        builder.Append(method);
        builder.Append('\n');

        builder.Append('/');
        if (!escapedPath.IsEmpty && escapedPath[0] == '/')
        {
            escapedPath = escapedPath[1..];
        }

        BceUriEncoder.AppendNormalized(ref builder, escapedPath, keepSlash: true);
        builder.Append('\n');

        WriteCanonicalQuery(ref builder, escapedQuery);
        builder.Append('\n');

        WriteCanonicalHeaders(ref builder, headers);
    }

    private static void WriteCanonicalQuery(ref PooledCharBuilder builder, ReadOnlySpan<char> query)
    {
        if (query.IsEmpty)
        {
            return;
        }

        int count = query.Count('&') + 1;
        Range[]? rented = count > 32 ? ArrayPool<Range>.Shared.Rent(count) : null;
        Span<Range> pairs = rented is null ? stackalloc Range[32] : rented;
        var scratch = new PooledCharBuilder(query.Length * 2);
        try
        {
            int pairCount = 0;
            ReadOnlySpan<char> rest = query;
            while (BceQuery.TryTakeParameter(ref rest, out ReadOnlySpan<char> segment))
            {
                if (segment.IsEmpty)
                {
                    continue;
                }

                int equals = segment.IndexOf('=');
                ReadOnlySpan<char> name = equals < 0 ? segment : segment[..equals];
                ReadOnlySpan<char> value = equals < 0 ? [] : segment[(equals + 1)..];

                int start = scratch.Length;
                BceUriEncoder.AppendNormalized(ref scratch, name, keepSlash: false);
                if (scratch.Slice(start, scratch.Length - start).Equals("authorization", StringComparison.OrdinalIgnoreCase))
                {
                    // The signature cannot cover itself; bce-auth-v1 skips a query parameter of that name.
                    scratch.Truncate(start);
                    continue;
                }

                scratch.Append('=');
                BceUriEncoder.AppendNormalized(ref scratch, value, keepSlash: false);
                pairs[pairCount++] = new Range(start, scratch.Length);
            }

            AppendSorted(ref builder, pairs[..pairCount], ref scratch, '&');
        }
        finally
        {
            scratch.Dispose();
            if (rented is not null)
            {
                ArrayPool<Range>.Shared.Return(rented);
            }
        }
    }

    private static void WriteCanonicalHeaders(ref PooledCharBuilder builder, ReadOnlySpan<BceHeader> headers)
    {
        if (headers.IsEmpty)
        {
            return;
        }

        Range[]? rented = headers.Length > 32 ? ArrayPool<Range>.Shared.Rent(headers.Length) : null;
        Span<Range> lines = rented is null ? stackalloc Range[32] : rented;
        var scratch = new PooledCharBuilder(headers.Length * 64);
        try
        {
            for (int i = 0; i < headers.Length; i++)
            {
                int start = scratch.Length;
                BceUriEncoder.AppendEncoded(ref scratch, headers[i].Name, keepSlash: false);
                scratch.Append(':');
                BceUriEncoder.AppendEncoded(ref scratch, headers[i].Value, keepSlash: false);
                lines[i] = new Range(start, scratch.Length);
            }

            AppendSorted(ref builder, lines[..headers.Length], ref scratch, '\n');
        }
        finally
        {
            scratch.Dispose();
            if (rented is not null)
            {
                ArrayPool<Range>.Shared.Return(rented);
            }
        }
    }

    private static void WriteSignedHeaderNames(ref PooledCharBuilder builder, ReadOnlySpan<BceHeader> headers)
    {
        int[]? rented = headers.Length > 32 ? ArrayPool<int>.Shared.Rent(headers.Length) : null;
        Span<int> order = rented is null ? stackalloc int[32] : rented;
        order = order[..headers.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Insertion sort: a request carries a handful of signed headers.
        for (int i = 1; i < order.Length; i++)
        {
            int current = order[i];
            int j = i - 1;
            while (j >= 0 && string.CompareOrdinal(headers[order[j]].Name, headers[current].Name) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }

        for (int i = 0; i < order.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(';');
            }

            builder.Append(headers[order[i]].Name);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Sorts the strings at <paramref name="ranges"/> of <paramref name="scratch"/> ordinally and appends them joined.</summary>
    private static void AppendSorted(ref PooledCharBuilder builder, scoped Span<Range> ranges, scoped ref PooledCharBuilder scratch, char separator)
    {
        SortOrdinal(ranges, ref scratch);
        for (int i = 0; i < ranges.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            (int offset, int length) = ranges[i].GetOffsetAndLength(scratch.Length);
            builder.Append(scratch.Slice(offset, length));
        }
    }

    private static void SortOrdinal(scoped Span<Range> ranges, scoped ref PooledCharBuilder scratch)
    {
        int total = scratch.Length;
        for (int i = 1; i < ranges.Length; i++)
        {
            Range current = ranges[i];
            (int co, int cl) = current.GetOffsetAndLength(total);
            int j = i - 1;
            while (j >= 0)
            {
                (int o, int l) = ranges[j].GetOffsetAndLength(total);
                if (scratch.Slice(o, l).SequenceCompareTo(scratch.Slice(co, cl)) <= 0)
                {
                    break;
                }

                ranges[j + 1] = ranges[j];
                j--;
            }

            ranges[j + 1] = current;
        }
    }

    private static void HmacHex(ReadOnlySpan<byte> key, ReadOnlySpan<char> message, Span<char> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        HmacHex(hmac, message, destination);
    }

    private static void HmacHex(IncrementalHash hmac, ReadOnlySpan<char> message, Span<char> destination)
    {
        int length = Encoding.UTF8.GetByteCount(message);
        byte[]? rented = length > StackLimit * 4 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[StackLimit * 4] : rented;
        try
        {
            int written = Encoding.UTF8.GetBytes(message, bytes);
            hmac.AppendData(bytes[..written]);
            Span<byte> hash = stackalloc byte[32];
            hmac.GetHashAndReset(hash);
            WriteLowerHex(hash, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Keeps, per thread, the HMAC keyed by the last signing key. The signing key depends on the secret key and the
    /// auth prefix (access key, second, expiration), so requests signed within the same second skip one HMAC and
    /// reuse the keyed context instead of setting up a new one.
    /// </summary>
    private static class SigningKeyCache
    {
        [ThreadStatic]
        private static Entry? t_entry;

        public static IncrementalHash GetSignatureHmac(string secretAccessKey, ReadOnlySpan<char> authPrefix)
        {
            Entry? entry = t_entry;
            if (entry is not null && ReferenceEquals(entry.SecretAccessKey, secretAccessKey) && authPrefix.SequenceEqual(entry.AuthPrefix))
            {
                return entry.Hmac;
            }

            Span<char> signingKey = stackalloc char[64];
            WriteSigningKey(secretAccessKey, authPrefix, signingKey);
            Span<byte> keyBytes = stackalloc byte[64];
            Encoding.ASCII.GetBytes(signingKey, keyBytes);
            entry?.Hmac.Dispose();
            entry = new Entry(secretAccessKey, authPrefix.ToString(), IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keyBytes));
            CryptographicOperations.ZeroMemory(keyBytes);
            t_entry = entry;
            return entry.Hmac;
        }

        private sealed class Entry(string secretAccessKey, string authPrefix, IncrementalHash hmac)
        {
            public string SecretAccessKey { get; } = secretAccessKey;

            public string AuthPrefix { get; } = authPrefix;

            public IncrementalHash Hmac { get; } = hmac;
        }
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        const string Digits = "0123456789abcdef";
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = Digits[bytes[i] & 0xF];
        }
    }
}
