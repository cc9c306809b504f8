using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Models;
using BccExtensions.Testing.Internal;
using BccExtensions.Testing.Internal.Routes;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BccExtensions.Testing;

/// <summary>
/// A local BCC-compatible server on loopback. It verifies bce-auth-v1 signatures like Baidu's gateway, keeps
/// instance state with BCC's rules, issues STS credentials, deduplicates clientTokens and injects scripted faults,
/// so code using any bce-auth-v1 client (this library or Baidu's SDKs) can be tested without a cloud account.
/// </summary>
public sealed class BccEmulator : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly BccEmulatorOptions _options;
    private readonly EmulatorKeys _keys;
    private readonly EmulatorAuthenticator _authenticator;
    private readonly EmulatorState _state;
    private readonly Queue<BccEmulatorRequest> _journal = new();
    private int _active;
    private int _sleeping;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _sleepingIds = new(StringComparer.Ordinal);

    private BccEmulator(KestrelServer server, BccEmulatorOptions options)
    {
        _server = server;
        _options = options;
        _keys = new EmulatorKeys(options);
        _authenticator = new EmulatorAuthenticator(_keys, options);
        _state = new EmulatorState(options, _keys);
    }

    /// <summary>Gets the endpoint to point clients at, e.g. <c>http://127.0.0.1:49731</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets the long-term access key id the emulator accepts.</summary>
    public string AccessKeyId => _options.AccessKeyId;

    /// <summary>Gets the secret access key that goes with <see cref="AccessKeyId"/>.</summary>
    public string SecretAccessKey => _options.SecretAccessKey;

    /// <summary>Gets the fault injection controls.</summary>
    public BccEmulatorFaults Faults { get; } = new();

    /// <summary>Gets the emulator's current time: its time provider plus <see cref="BccEmulatorFaults.ClockOffset"/>.</summary>
    public DateTimeOffset Now => _options.TimeProvider.GetUtcNow() + Faults.ClockOffset;

    /// <summary>Gets a snapshot of the last <see cref="BccEmulatorOptions.JournalCapacity"/> requests received, oldest first.</summary>
    public IReadOnlyList<BccEmulatorRequest> Journal
    {
        get
        {
            lock (_journal)
            {
                return [.. _journal];
            }
        }
    }

    /// <summary>Gets whether no request is being handled, apart from those waiting out injected latency.</summary>
    /// <remarks>Tests that drive a fake clock advance it only then, so real I/O in flight never sees time jump.</remarks>
    public bool IsIdle => Volatile.Read(ref _active) == Volatile.Read(ref _sleeping);

    /// <summary>
    /// Gets the client request ids (<c>x-bce-request-id</c>) of the requests waiting out injected latency or a delayed
    /// answer, so a test's clock driver can tell a deliberately delayed attempt from one still in transit.
    /// </summary>
    internal ICollection<string> DelayedRequestIds => _sleepingIds.Keys;

    /// <summary>Gets the ids of the instances that exist now, in creation order.</summary>
    public IReadOnlyList<string> InstanceIds
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Instances.Select(i => i.Id)];
            }
        }
    }

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">Keys, clock, port and transition delay; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<BccEmulator> StartAsync(BccEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BccEmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccessKeyId, nameof(options));
        if (options.SecretAccessKey is not { Length: >= 16 })
        {
            throw new ArgumentException("The emulator's secret access key needs at least 16 characters (BCC encrypts passwords with them).", nameof(options));
        }

        // A bare Kestrel server rather than a host: test hosts such as WebApplicationFactory capture the first
        // host built in the process, and the emulator must never be mistaken for the application under test.
        var kestrel = new KestrelServerOptions { AddServerHeader = false };
        kestrel.Listen(IPAddress.Loopback, options.Port);
        var server = new KestrelServer(
            Options.Create(kestrel),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance),
            NullLoggerFactory.Instance);
        var emulator = new BccEmulator(server, options);
        await server.StartAsync(new EmulatorApplication(emulator.HandleAsync), cancellationToken).ConfigureAwait(false);
        string address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.Endpoint = new Uri(address);
        return emulator;
    }

    /// <summary>Adds an instance directly (no request, no signature), e.g. to seed a demo or a test.</summary>
    /// <param name="name">The instance name.</param>
    /// <param name="spec">A known spec, e.g. <c>bcc.g5.c2m8</c>.</param>
    /// <param name="zoneName">A zone, e.g. <c>cn-bj-a</c>.</param>
    /// <param name="status">The status it starts in (no transition pending).</param>
    /// <returns>The new instance id.</returns>
    public string SeedInstance(string name, string spec = "bcc.g5.c2m8", string zoneName = "cn-bj-a", InstanceStatus? status = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_state.Gate)
        {
            if (!_state.Specs.ContainsKey(spec))
            {
                throw new ArgumentException($"Unknown spec '{spec}'.", nameof(spec));
            }

            EmulatedInstance instance = _state.NewInstance(name, spec, zoneName, "m-ubuntu2204", "Postpaid", Now);
            string target = (status ?? InstanceStatus.Running).Value;
            instance.Transition(target, target, Now, TimeSpan.Zero);
            _state.Instances.Add(instance);
            return instance.Id;
        }
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearJournal()
    {
        lock (_journal)
        {
            _journal.Clear();
        }
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _active);
        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private async Task SleepAsync(HttpContext context, TimeSpan delay)
    {
        string clientRequestId = context.Request.Headers["x-bce-request-id"].ToString();
        Interlocked.Increment(ref _sleeping);
        _sleepingIds.TryAdd(clientRequestId, 0);
        try
        {
            await Task.Delay(delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _sleepingIds.TryRemove(clientRequestId, out _);
            Interlocked.Decrement(ref _sleeping);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        string requestId = Guid.NewGuid().ToString();
        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        int question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = question < 0 ? rawTarget : rawTarget[..question];
        string rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        DateTimeOffset now = Now;
        Record(context.Request, rawPath, rawQuery, now);

        if (Faults.Latency > TimeSpan.Zero)
        {
            try
            {
                await SleepAsync(context, Faults.Latency).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        BccEmulatorFaults.Fault? fault = Faults.Take(context.Request.Method, rawPath);
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

            EmulatorCaller caller = _authenticator.Authenticate(context.Request, rawPath, rawQuery, now);
            byte[] body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            response = Dispatch(new EmulatorCall(context.Request.Method, rawPath, rawQuery, body, caller, now));
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

        if (fault?.Kind == BccEmulatorFaults.FaultKind.DelayAfter)
        {
            try
            {
                await SleepAsync(context, fault.RetryAfter!.Value).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up waiting; the request has taken effect all the same.
                return;
            }
        }

        await WriteAsync(context, response, requestId, now).ConfigureAwait(false);
    }

    private EmulatorResponse Dispatch(EmulatorCall call)
    {
        lock (_state.Gate)
        {
            string? token = call.QueryString("clientToken");
            _state.ForgetClientTokensBefore(call.Now - _options.ClientTokenLifetime);
            if (token is not null && _state.ClientTokens.TryGetValue(token, out var first))
            {
                return first.Fingerprint == call.Fingerprint()
                    ? first.Response
                    : throw EmulatorError.Conflict(BccErrorCodes.IdempotentParameterMismatch, "The clientToken was used with a different request.");
            }

            // Dispatch by operation name: the route table (BccOperationTable) decides which operation a request is,
            // and only then does a handler run, so /v2/instance/batchAction never reads as an instance id.
            KnownOperation known = KnownOperation.Find(call.Method, call.Segments, call.Query, EmulatorRoutes.ByOperation.ContainsKey)
                ?? throw EmulatorError.NoOperation(call);
            EmulatorResponse response = EmulatorRoutes.ByOperation.TryGetValue(known.Name, out EmulatorRoute? route)
                ? route(call, _state)
                : throw EmulatorError.NotModelled(known);
            if (token is not null && response.Status == HttpStatusCode.OK)
            {
                _state.RememberClientToken(token, call.Fingerprint(), response, call.Now);
            }

            return response;
        }
    }

    private void Record(HttpRequest request, string rawPath, string rawQuery, DateTimeOffset now)
    {
        if (_options.JournalCapacity <= 0)
        {
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("x-bce-security-token", StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = header.Value.ToString();
            }
        }

        lock (_journal)
        {
            _journal.Enqueue(new BccEmulatorRequest(request.Method, rawPath, rawQuery, headers, now));
            while (_journal.Count > _options.JournalCapacity)
            {
                _journal.Dequeue();
            }
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
