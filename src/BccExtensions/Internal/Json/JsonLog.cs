using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Json;

/// <summary>The answer reader's log messages (event ids in docs/logging.md). Never a value, only where and what kind.</summary>
internal static partial class JsonLog
{
    [LoggerMessage(5, LogLevel.Warning, "BCC {Operation} answered {JsonPath} with {Problem} (logged once per operation and path; the value is not logged)")]
    public static partial void AnswerMemberRepaired(ILogger logger, string operation, string jsonPath, string problem);
}
