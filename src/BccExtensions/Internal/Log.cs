using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal;

/// <summary>Source-generated log messages; event ids are listed in docs/logging.md. No message carries a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "BCC {Operation} {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms (request id {RequestId})")]
    public static partial void RequestCompleted(ILogger logger, string operation, string method, string path, int statusCode, double elapsedMilliseconds, string? requestId);

    [LoggerMessage(2, LogLevel.Warning, "The BCC service's clock differs from ours by {OffsetSeconds} s; signing with the corrected time and retrying once")]
    public static partial void ClockSkewCorrected(ILogger logger, double offsetSeconds);

    [LoggerMessage(3, LogLevel.Information, "Obtained STS credentials for access key {AccessKeyId}, valid until {Expiration:O}")]
    public static partial void StsCredentialsRefreshed(ILogger logger, string accessKeyId, DateTimeOffset? expiration);

    [LoggerMessage(4, LogLevel.Warning, "STS refresh failed; current credentials stay in use until {Expiration:O}; next try in {RetryDelay}")]
    public static partial void StsRefreshFailed(ILogger logger, Exception exception, DateTimeOffset? expiration, TimeSpan retryDelay);

    [LoggerMessage(5, LogLevel.Warning, "BCC {Operation} answered {JsonPath} with {Problem} (logged once per operation and path; the value is not logged)")]
    public static partial void AnswerMemberRepaired(ILogger logger, string operation, string jsonPath, string problem);

    [LoggerMessage(6, LogLevel.Warning, "The BCC endpoint {Host} is plain http: signatures, the session token and request bodies travel in clear text; use https outside loopback")]
    public static partial void CleartextEndpoint(ILogger logger, string host);
}
