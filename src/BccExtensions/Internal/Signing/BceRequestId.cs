namespace BccExtensions.Internal.Signing;

/// <summary>
/// Request ids in the UUID version 4 form Baidu's SDKs send, without asking the system for randomness on every
/// request: 16 random bytes drawn once per process, with a counter mixed into the last 48 bits. Unique within the
/// process for 2^48 requests; the remaining 74 random bits tell processes apart.
/// </summary>
internal static class BceRequestId
{
    private static readonly Guid s_base = Guid.NewGuid();
    private static long s_counter;

    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        s_base.TryWriteBytes(bytes);
        long counter = Interlocked.Increment(ref s_counter) & 0xFFFF_FFFF_FFFF;
        Span<byte> node = bytes[10..];
        for (int i = 5; i >= 0; i--, counter >>= 8)
        {
            node[i] ^= (byte)counter;
        }

        return new Guid(bytes).ToString();
    }
}
