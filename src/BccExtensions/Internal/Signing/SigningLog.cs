using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Signing;

/// <summary>The signing handler's log messages (event ids in docs/logging.md).</summary>
internal static partial class SigningLog
{
    [LoggerMessage(2, LogLevel.Warning, "The BCC service's clock differs from ours by {OffsetSeconds} s; signing with the corrected time and retrying once")]
    public static partial void ClockSkewCorrected(ILogger logger, double offsetSeconds);
}
