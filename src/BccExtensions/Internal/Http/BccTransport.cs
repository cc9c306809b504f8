using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using BccExtensions.Internal.Json;
using BccExtensions.Internal.Operations;
using Polly;

namespace BccExtensions.Internal.Http;

/// <summary>
/// Sends <see cref="BccCall"/>s through the registration's HttpClient and turns answers into results or
/// <see cref="BccServiceException"/>s. Takes a client from <see cref="IHttpClientFactory"/> per call, so handler
/// rotation (DNS, proxy changes) reaches long-lived singletons.
/// </summary>
internal sealed class BccTransport(
    IHttpClientFactory httpClientFactory,
    string httpClientName,
    IOptionsMonitor<BccOptions> optionsMonitor,
    string optionsName,
    Func<BccOptions, Uri> endpoint,
    IBceCredentialProvider credentialProvider,
    TimeProvider timeProvider,
    ILogger logger)
{
    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json") { CharSet = "utf-8" };

    // One reference, swapped whole, so concurrent calls never see half of a reload.
    private Tuple<BccOptions, string, string?>? _endpoint;

    /// <summary>Gets the time source of this registration.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Serializes a request body.</summary>
    public static byte[] Serialize<T>(T body, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);

    /// <summary>Serializes a request whose paging marker travels in the body, with the marker of the page to read.</summary>
    public static byte[] SerializeWithMarker<T>(T body, JsonTypeInfo<T> typeInfo, string? marker)
    {
        var node = (JsonObject)JsonSerializer.SerializeToNode(body, typeInfo)!;
        node.Remove("marker");
        if (marker is not null)
        {
            node["marker"] = marker;
        }

        return JsonSerializer.SerializeToUtf8Bytes(node, BccWireJsonContext.Default.JsonObject);
    }

    /// <summary>Serializes a request body and adds an encrypted password field (the model marks the clear one ignored).</summary>
    public async Task<byte[]> SerializeWithPasswordAsync<T>(T body, JsonTypeInfo<T> typeInfo, string field, string? password, CancellationToken cancellationToken)
    {
        if (password is null)
        {
            return Serialize(body, typeInfo);
        }

        BceCredentials credentials = await credentialProvider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var node = (JsonObject)JsonSerializer.SerializeToNode(body, typeInfo)!;
        node[field] = BccPasswordEncryptor.Encrypt(password, credentials.SecretAccessKey);
        return JsonSerializer.SerializeToUtf8Bytes(node, BccWireJsonContext.Default.JsonObject);
    }

    /// <summary>Sends a call whose answer has no body of interest.</summary>
    public async Task SendAsync(BccCall call, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCoreAsync(call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a call and reads its JSON answer tolerantly (<see cref="BccAnswerReader"/>); an empty body reads as <c>{}</c>.</summary>
    public async Task<T> SendAsync<T>(BccCall call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCoreAsync(call, cancellationToken).ConfigureAwait(false);
        byte[] body = response.Content is BccResponseBufferingHandler.BufferedContent buffered
            ? buffered.Body
            : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return BccAnswerReader.Read(body, responseType, call.Operation, response.StatusCode, BceErrorReader.HeaderRequestId(response), logger);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(BccCall call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string query = call.EncodedQuery();
        (string baseAddress, string? region) = BaseAddress();
        var uri = new Uri(baseAddress + call.Path + (query.Length == 0 ? string.Empty : "?" + query), UriKind.Absolute);
        using var request = new HttpRequestMessage(call.Method, uri);
        if (call.Body is { } body)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = s_jsonContentType } };
        }

        HttpClient client = httpClientFactory.CreateClient(httpClientName);
        // OpenTelemetry RPC conventions: span "{rpc.service}/{rpc.method}" with Baidu's operation name as the method.
        // The span name is built only when someone listens.
        using Activity? activity = BccInstruments.Source.HasListeners() ? BccInstruments.Source.StartActivity(call.Service + "/" + call.Operation, ActivityKind.Client) : null;
        if (activity is not null)
        {
            activity.SetTag("rpc.system", BccInstruments.RpcSystem);
            activity.SetTag("rpc.service", call.Service);
            activity.SetTag("rpc.method", call.Operation);
            activity.SetTag("http.request.method", call.Method.Method);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("cloud.region", region);
        }

        long started = TimeProvider.GetTimestamp();
        HttpResponseMessage response;

        // Per-call facts ride on the resilience context, which the standard handler reuses when one is set.
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BccRetryRule.Replayable, call.IsReplayable);
        request.SetResilienceContext(context);
        try
        {
            // Bodies are already read inside the pipeline (BccResponseBufferingHandler), within the attempt timeout.
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Record(activity, call, uri.Host, region, started, status: null, exception.GetType().Name);
            throw;
        }
        finally
        {
            if (BccInstruments.Attempts.Enabled)
            {
                RecordAttempts(call, uri.Host, region, context.Properties.GetValue(BccInstruments.AttemptsSent, 0));
            }

            request.SetResilienceContext(null);
            ResilienceContextPool.Shared.Return(context);
        }

        string? requestId = BceErrorReader.HeaderRequestId(response);
        activity?.SetTag("bcc.request_id", requestId);
        double elapsed = Record(activity, call, uri.Host, region, started, (int)response.StatusCode, response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        HttpLog.RequestCompleted(logger, call.Operation, call.Method.Method, call.PathTemplate, (int)response.StatusCode, Math.Round(elapsed * 1000, 1), requestId);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            BccServiceException error = await BceErrorReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("bcc.error_code", error.ErrorCode);
            throw error;
        }
    }

    private double Record(Activity? activity, BccCall call, string host, string? region, long started, int? status, string? errorType)
    {
        double seconds = TimeProvider.GetElapsedTime(started).TotalSeconds;
        if (activity is not null)
        {
            activity.SetTag("http.response.status_code", status);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        // The tags are built only when a meter listener records the duration.
        if (BccInstruments.OperationDuration.Enabled)
        {
            TagList tags = Tags(call, host, region);
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

    private static void RecordAttempts(BccCall call, string host, string? region, int attempts)
    {
        if (attempts == 0)
        {
            return; // refused before anything was sent (rate limiter, open circuit)
        }

        TagList tags = Tags(call, host, region);
        tags.Add("bcc.retry", false);
        BccInstruments.Attempts.Add(1, tags);
        if (attempts > 1)
        {
            tags[^1] = new("bcc.retry", true);
            BccInstruments.Attempts.Add(attempts - 1, tags);
        }
    }

    private static TagList Tags(BccCall call, string host, string? region)
    {
        var tags = new TagList
        {
            { "rpc.system", BccInstruments.RpcSystem },
            { "rpc.service", call.Service },
            { "rpc.method", call.Operation },
            { "http.request.method", call.Method.Method },
            { "server.address", host },
        };
        if (region is not null)
        {
            tags.Add("cloud.region", region);
        }

        return tags;
    }

    // The endpoint's base address and region (cloud.region), per options instance.
    private (string BaseAddress, string? Region) BaseAddress()
    {
        BccOptions options = optionsMonitor.Get(optionsName);
        Tuple<BccOptions, string, string?>? cached = Volatile.Read(ref _endpoint);
        if (cached is not null && ReferenceEquals(cached.Item1, options))
        {
            return (cached.Item2, cached.Item3);
        }

        Uri resolved = endpoint(options);
        if (resolved.Scheme == Uri.UriSchemeHttp && !resolved.IsLoopback)
        {
            HttpLog.CleartextEndpoint(logger, resolved.Host);
        }

        string baseAddress = resolved.GetLeftPart(UriPartial.Authority);
        // Baidu's hosts name their region (bcc.{region}.baidubce.com, sts.{region}.baidubce.com), and a configured
        // Region resolves to such a host; any other host has none.
        string? region = resolved.Host.Split('.') is [_, var named, "baidubce", "com"] ? named : null;
        Volatile.Write(ref _endpoint, Tuple.Create(options, baseAddress, region));
        return (baseAddress, region);
    }
}
