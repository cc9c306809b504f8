using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// Answers one HTTP request as BCC would: names its operation, records it, applies the scripted faults, checks the
/// signature, dispatches it and writes the answer (a BCE error body with a request id when it fails).
/// </summary>
internal sealed class EmulatorHandler(
    BccEmulatorOptions options,
    BccEmulatorFaults faults,
    EmulatorAuthenticator authenticator,
    EmulatorJournal journal,
    BccEmulatorActivity activity,
    EmulatorDispatcher dispatcher,
    Func<DateTimeOffset> clock)
{
    /// <summary>The answer header naming the BCC operation the emulator took the request for (the SDK flows in tools/ count them).</summary>
    public const string OperationHeader = "x-bcc-emulator-operation";

    public async Task HandleAsync(HttpContext context)
    {
        using BccEmulatorActivity.Scope handling = activity.Handling();
        string requestId = Guid.NewGuid().ToString();
        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        int question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = question < 0 ? rawTarget : rawTarget[..question];
        string rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        string method = context.Request.Method;
        string[] segments = EmulatorCall.SplitPath(rawPath);
        Dictionary<string, string> query = EmulatorCall.ParseQuery(rawQuery);
        KnownOperation? operation = EmulatorDispatcher.Find(method, segments, query);
        DateTimeOffset now = clock();
        journal.Record(context.Request, rawPath, rawQuery, operation?.Name, now);

        if (faults.Latency > TimeSpan.Zero && !await DelayAsync(context, faults.Latency).ConfigureAwait(false))
        {
            return;
        }

        BccEmulatorFaults.Fault? fault = faults.Take(method, rawPath, operation?.Name);
        if (fault?.Kind == BccEmulatorFaults.FaultKind.AbortBefore)
        {
            context.Abort();
            return;
        }

        EmulatorResponse response;
        try
        {
            if (fault?.Kind == BccEmulatorFaults.FaultKind.Fail)
            {
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                throw new EmulatorError(fault.Status, fault.Code!, "Injected fault.");
            }

            EmulatorCaller caller = authenticator.Authenticate(context.Request, rawPath, rawQuery, now);
            byte[] body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            response = dispatcher.Dispatch(new EmulatorCall(operation ?? throw EmulatorError.NoOperation(method, segments), method, segments, query, body, caller, now));
        }
        catch (EmulatorError error)
        {
            response = new EmulatorResponse(error.Status, new JsonObject { ["code"] = error.Code, ["message"] = error.Message });
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            // Reading a JSON field as the wrong type: well-formed JSON that does not fit, as BCC reports it.
            response = new EmulatorResponse(HttpStatusCode.BadRequest, new JsonObject { ["code"] = BccErrorCodes.InappropriateJson, ["message"] = error.Message });
        }
        catch (EmulatorFault emulatorFault)
        {
            response = new EmulatorResponse(HttpStatusCode.InternalServerError, new JsonObject { ["code"] = BccErrorCodes.InternalError, ["message"] = "The emulator failed: " + emulatorFault.Message });
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A fault of the emulator itself still answers as BCC does: a BCE error body with a request id.
            response = new EmulatorResponse(HttpStatusCode.InternalServerError, new JsonObject { ["code"] = BccErrorCodes.InternalError, ["message"] = "The emulator failed: " + error.GetType().Name });
        }

        if (fault?.Kind == BccEmulatorFaults.FaultKind.AbortAfter)
        {
            context.Abort();
            return;
        }

        // A client that gives up waiting for a delayed answer gets none; the request has taken effect all the same.
        if (fault?.Kind == BccEmulatorFaults.FaultKind.DelayAfter && !await DelayAsync(context, fault.RetryAfter!.Value).ConfigureAwait(false))
        {
            return;
        }

        if (operation is not null)
        {
            context.Response.Headers[OperationHeader] = operation.Name;
        }

        await WriteAsync(context, response, requestId, now).ConfigureAwait(false);
    }

    // Waits on the emulator's clock; false when the client went away meanwhile.
    private async Task<bool> DelayAsync(HttpContext context, TimeSpan delay)
    {
        try
        {
            await activity.DelayAsync(context.Request.Headers["x-bce-request-id"].ToString(), delay, options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, EmulatorResponse response, string requestId, DateTimeOffset now)
    {
        context.Response.StatusCode = (int)response.Status;
        context.Response.Headers["x-bce-request-id"] = requestId;
        context.Response.Headers.Date = now.ToString("r", CultureInfo.InvariantCulture);
        JsonNode? body = response.Body;
        if (response.Status >= HttpStatusCode.BadRequest && body is JsonObject error)
        {
            error["requestId"] = requestId;
        }

        if (body is not null)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
