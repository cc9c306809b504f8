using System.Net;

namespace BccExtensions.Tests.Helpers;

/// <summary>A primary handler that records every attempt and answers from a script; nothing leaves the process.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _respond;
    private readonly List<RecordedRequest> _requests = [];
    private readonly object _gate = new();

    public StubHandler(Func<RecordedRequest, int, HttpResponseMessage>? respond = null)
    {
        _respond = respond ?? ((_, _) => Json(HttpStatusCode.OK, "{}"));
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, string? requestId = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (requestId is not null)
        {
            response.Headers.TryAddWithoutValidation("x-bce-request-id", requestId);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                headers[header.Key] = header.Value.ToString();
            }
        }

        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body);
        int attempt;
        lock (_gate)
        {
            _requests.Add(recorded);
            attempt = _requests.Count;
        }

        HttpResponseMessage response = _respond(recorded, attempt);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>What one attempt sent.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
