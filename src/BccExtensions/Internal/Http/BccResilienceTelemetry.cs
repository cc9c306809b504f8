using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly.Telemetry;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Reports the resilience pipeline's events (a retry, a timeout, the circuit opening, half-opening or closing, a call
/// refused by the rate limiter) as one log line and one <c>bcc.client.resilience.events</c> count each, named after
/// the BCC operation they happened to. Polly's per-execution and per-attempt reports, made on every call, are dropped
/// at the first check: the operation scope already measures each call and counts its attempts.
/// </summary>
internal sealed class BccResilienceTelemetry(ILogger logger) : TelemetryListener
{
    /// <summary>Polly's reports of every execution and attempt, made whether or not anything went wrong.</summary>
    private static bool IsPerCall(string eventName) => eventName is "ExecutionAttempt" or "PipelineExecuting" or "PipelineExecuted";

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        ResilienceEvent resilienceEvent = args.Event;
        if (resilienceEvent.Severity is ResilienceEventSeverity.None or ResilienceEventSeverity.Debug || IsPerCall(resilienceEvent.EventName))
        {
            return;
        }

        args.Context.Properties.TryGetValue(BccOperationScope.Key, out BccOperationScope? scope);
        if (BccInstruments.ResilienceEvents.Enabled)
        {
            TagList tags = scope?.Tags() ?? new TagList { { "rpc.system", BccInstruments.RpcSystem } };
            tags.Add("event.name", resilienceEvent.EventName);
            tags.Add("event.severity", resilienceEvent.Severity.ToString());
            BccInstruments.ResilienceEvents.Add(1, tags);
        }

        LogLevel level = resilienceEvent.Severity switch
        {
            ResilienceEventSeverity.Information => LogLevel.Information,
            ResilienceEventSeverity.Warning => LogLevel.Warning,
            ResilienceEventSeverity.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
        if (logger.IsEnabled(level))
        {
            string outcome = Describe(args.Outcome);
            HttpLog.ResilienceEvent(logger, level, scope?.Operation ?? "(no operation)", resilienceEvent.EventName, args.Source.StrategyName, outcome);
        }
    }

    /// <summary>The outcome that caused the event: a status code or an exception's type, never a message or a body.</summary>
    private static string Describe<TResult>(Polly.Outcome<TResult>? outcome) => outcome switch
    {
        { Exception: { } exception } => exception.GetType().Name,
        { Result: HttpResponseMessage response } => ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
        _ => "none",
    };
}
