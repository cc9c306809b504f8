using System.Buffers;
using System.Text;

namespace BccExtensions.Internal.Signing;

/// <summary>
/// The UriEncode of bce-auth-v1: UTF-8 bytes, unreserved <c>A-Z a-z 0-9 - _ . ~</c> kept, everything else
/// <c>%XX</c> with upper-case hex; <c>/</c> optionally kept (paths).
/// </summary>
internal static class BceUriEncoder
{
    private const string Hex = "0123456789ABCDEF";
    private const string UnreservedChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    // Vectorized scans find the runs that are copied as they are; only the characters between them are encoded.
    private static readonly SearchValues<char> s_unreserved = SearchValues.Create(UnreservedChars);
    private static readonly SearchValues<char> s_unreservedOrSlash = SearchValues.Create(UnreservedChars + "/");

    /// <summary>Encodes a decoded value, as it goes on the wire and into the canonical request.</summary>
    public static string Encode(string value, bool keepSlash)
    {
        if (IsAlreadyCanonical(value, keepSlash))
        {
            return value;
        }

        var builder = new PooledCharBuilder(value.Length * 3);
        try
        {
            AppendEncoded(ref builder, value, keepSlash);
            return builder.AsSpan().ToString();
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>Appends the encoding of a decoded value.</summary>
    public static void AppendEncoded(ref PooledCharBuilder builder, scoped ReadOnlySpan<char> value, bool keepSlash)
    {
        SearchValues<char> literal = keepSlash ? s_unreservedOrSlash : s_unreserved;
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            int run = value[i..].IndexOfAnyExcept(literal);
            if (run != 0)
            {
                builder.Append(run < 0 ? value[i..] : value.Slice(i, run));
                if (run < 0)
                {
                    return;
                }

                i += run;
            }

            char c = value[i];
            if (c < 0x80)
            {
                AppendByte(ref builder, (byte)c, keepSlash);
                continue;
            }

            int count;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                count = new Rune(c, value[i + 1]).EncodeToUtf8(utf8);
                i++;
            }
            else
            {
                // A lone surrogate has no UTF-8 form; encode the replacement character as UTF-8 encoders do.
                Rune rune = Rune.TryCreate(c, out Rune r) ? r : Rune.ReplacementChar;
                count = rune.EncodeToUtf8(utf8);
            }

            for (int b = 0; b < count; b++)
            {
                AppendByte(ref builder, utf8[b], keepSlash);
            }
        }
    }

    /// <summary>
    /// Appends the canonical form of an already percent-encoded wire value: each <c>%XX</c> is decoded to its
    /// byte and every byte is encoded again, so the canonical form matches what the server derives from the wire.
    /// </summary>
    public static void AppendNormalized(ref PooledCharBuilder builder, scoped ReadOnlySpan<char> escaped, bool keepSlash)
    {
        SearchValues<char> literal = keepSlash ? s_unreservedOrSlash : s_unreserved;
        for (int i = 0; i < escaped.Length; i++)
        {
            int run = escaped[i..].IndexOfAnyExcept(literal);
            if (run != 0)
            {
                builder.Append(run < 0 ? escaped[i..] : escaped.Slice(i, run));
                if (run < 0)
                {
                    return;
                }

                i += run;
            }

            char c = escaped[i];
            if (c == '%' && i + 2 < escaped.Length && IsHex(escaped[i + 1]) && IsHex(escaped[i + 2]))
            {
                byte value = (byte)((HexValue(escaped[i + 1]) << 4) | HexValue(escaped[i + 2]));
                // An encoded slash inside a segment stays encoded; only a literal slash separates segments.
                AppendByte(ref builder, value, keepSlash: false);
                i += 2;
            }
            else if (c < 0x80)
            {
                AppendByte(ref builder, (byte)c, keepSlash);
            }
            else
            {
                int start = i;
                while (i + 1 < escaped.Length && escaped[i + 1] >= 0x80)
                {
                    i++;
                }

                AppendEncoded(ref builder, escaped[start..(i + 1)], keepSlash);
            }
        }
    }

    private static void AppendByte(ref PooledCharBuilder builder, byte value, bool keepSlash)
    {
        if (IsUnreserved(value) || (keepSlash && value == '/'))
        {
            builder.Append((char)value);
            return;
        }

        builder.Append('%');
        builder.Append(Hex[value >> 4]);
        builder.Append(Hex[value & 0xF]);
    }

    private static bool IsAlreadyCanonical(string value, bool keepSlash) =>
        value.AsSpan().IndexOfAnyExcept(keepSlash ? s_unreservedOrSlash : s_unreserved) < 0;

    private static bool IsUnreserved(byte c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
