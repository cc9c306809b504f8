using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// The telemetry of one operation, all its attempts included, in the shape of Azure's <c>DiagnosticScope</c>: the
/// client span (OpenTelemetry RPC conventions, <c>{rpc.service}/{rpc.method}</c>), the duration histogram, the
/// attempts counter and the completion log line. The transport starts it and reports the outcome; the innermost
/// handler reports each attempt it sends through <see cref="RequestKey"/> on the request.
/// </summary>
internal sealed class BccOperationScope : IDisposable
{
    /// <summary>The request option that carries the scope from the transport into the handlers.</summary>
    public static readonly HttpRequestOptionsKey<BccOperationScope> RequestKey = new("BccExtensions.OperationScope");

    /// <summary>The resilience-context property that carries the scope to the strategies' callbacks.</summary>
    public static readonly ResiliencePropertyKey<BccOperationScope> Key = new("BccExtensions.OperationScope");

    private readonly BccCall _call;
    private readonly BccEndpoint _endpoint;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly Activity? _activity;
    private int _attempts;

    private BccOperationScope(BccCall call, BccEndpoint endpoint, TimeProvider timeProvider)
    {
        _call = call;
        _endpoint = endpoint;
        _timeProvider = timeProvider;

        // The span name is built only when someone listens.
        if (BccInstruments.Source.HasListeners() && BccInstruments.Source.StartActivity(call.Service + "/" + call.Operation, ActivityKind.Client) is { } activity)
        {
            activity.SetTag("rpc.system", BccInstruments.RpcSystem);
            activity.SetTag("rpc.service", call.Service);
            activity.SetTag("rpc.method", call.Operation);
            activity.SetTag("http.request.method", call.Method.Method);
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("cloud.region", endpoint.Region);
            _activity = activity;
        }

        _started = timeProvider.GetTimestamp();
    }

    /// <summary>Gets the operation's name (<c>rpc.method</c>).</summary>
    public string Operation => _call.Operation;

    /// <summary>Gets whether the call can be sent again without doing anything twice (<see cref="BccCall.IsReplayable"/>).</summary>
    public bool IsReplayable => _call.IsReplayable;

    /// <summary>Starts the scope of one operation call.</summary>
    public static BccOperationScope Start(BccCall call, BccEndpoint endpoint, TimeProvider timeProvider) => new(call, endpoint, timeProvider);

    /// <summary>Counts one attempt put on the wire (the first, a retry, or a re-signed send after RequestExpired).</summary>
    public void AttemptSent() => Interlocked.Increment(ref _attempts);

    /// <summary>Records an operation that ended without an answer (no connection, timeout, cancellation, refusal).</summary>
    public void Failed(Exception exception) => Record(status: null, exception.GetType().Name);

    /// <summary>Records the answer and writes the completion log line.</summary>
    public void Answered(HttpResponseMessage response, string? requestId, ILogger logger)
    {
        int status = (int)response.StatusCode;
        _activity?.SetTag("bcc.request_id", requestId);
        double seconds = Record(status, response.IsSuccessStatusCode ? null : status.ToString(CultureInfo.InvariantCulture));
        HttpLog.RequestCompleted(logger, _call.Operation, _call.Method.Method, _call.PathTemplate, status, Math.Round(seconds * 1000, 1), requestId);
    }

    /// <summary>Records the BCE error code of a refused call on the span.</summary>
    public void Refused(BccServiceException error) => _activity?.SetTag("bcc.error_code", error.ErrorCode);

    /// <summary>Adds the attempts to the counter and ends the span.</summary>
    public void Dispose()
    {
        int attempts = Volatile.Read(ref _attempts);
        if (attempts > 0 && BccInstruments.Attempts.Enabled)
        {
            // Zero means refused before anything was sent (rate limiter, open circuit).
            TagList tags = Tags();
            tags.Add("bcc.retry", false);
            BccInstruments.Attempts.Add(1, tags);
            if (attempts > 1)
            {
                tags[^1] = new("bcc.retry", true);
                BccInstruments.Attempts.Add(attempts - 1, tags);
            }
        }

        _activity?.Dispose();
    }

    private double Record(int? status, string? errorType)
    {
        double seconds = _timeProvider.GetElapsedTime(_started).TotalSeconds;
        if (_activity is not null)
        {
            _activity.SetTag("http.response.status_code", status);
            if (errorType is not null)
            {
                _activity.SetTag("error.type", errorType);
                _activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        // The tags are built only when a meter listener records the duration.
        if (BccInstruments.OperationDuration.Enabled)
        {
            TagList tags = Tags();
            if (status is { } code)
            {
                tags.Add("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            BccInstruments.OperationDuration.Record(seconds, tags);
        }

        return seconds;
    }

    /// <summary>Gets the tags every measurement of the operation carries (service, method, server, region).</summary>
    public TagList Tags()
    {
        var tags = new TagList
        {
            { "rpc.system", BccInstruments.RpcSystem },
            { "rpc.service", _call.Service },
            { "rpc.method", _call.Operation },
            { "http.request.method", _call.Method.Method },
            { "server.address", _endpoint.Host },
        };
        if (_endpoint.Region is not null)
        {
            tags.Add("cloud.region", _endpoint.Region);
        }

        return tags;
    }
}
