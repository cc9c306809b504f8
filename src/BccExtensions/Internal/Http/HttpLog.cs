using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Http;

/// <summary>The transport's log messages (event ids in docs/logging.md). No message carries a secret.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(1, LogLevel.Debug, "BCC {Operation} {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms (request id {RequestId})")]
    public static partial void RequestCompleted(ILogger logger, string operation, string method, string path, int statusCode, double elapsedMilliseconds, string? requestId);

    [LoggerMessage(6, LogLevel.Warning, "The BCC endpoint {Host} is plain http: signatures, the session token and request bodies travel in clear text; use https outside loopback")]
    public static partial void CleartextEndpoint(ILogger logger, string host);

    [LoggerMessage(EventId = 7, Message = "BCC {Operation}: resilience event {Event} from {Strategy} (outcome {Outcome})")]
    public static partial void ResilienceEvent(ILogger logger, LogLevel level, string operation, string @event, string? strategy, string outcome);
}
