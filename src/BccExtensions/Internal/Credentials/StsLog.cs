using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Credentials;

/// <summary>The STS credential cache's log messages (event ids in docs/logging.md). Access key ids only, never a secret.</summary>
internal static partial class StsLog
{
    [LoggerMessage(3, LogLevel.Information, "Obtained STS credentials for access key {AccessKeyId}, valid until {Expiration:O}")]
    public static partial void StsCredentialsRefreshed(ILogger logger, string accessKeyId, DateTimeOffset? expiration);

    [LoggerMessage(4, LogLevel.Warning, "STS refresh failed; current credentials stay in use until {Expiration:O}; next try in {RetryDelay}")]
    public static partial void StsRefreshFailed(ILogger logger, Exception exception, DateTimeOffset? expiration, TimeSpan retryDelay);
}
