using System.Net;
using System.Net.Http.Headers;

namespace BccExtensions.Benchmarks;

/// <summary>Answers every request with the page, as a server would (length known, request id set).</summary>
internal sealed class StubHandler(byte[] page) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(page) { Headers = { ContentType = s_json, ContentLength = page.Length } },
        };
        response.Headers.TryAddWithoutValidation("x-bce-request-id", "c0ffee00-0000-4000-8000-000000000001");
        return Task.FromResult(response);
    }
}
