using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace BccExtensions.Sample;

/// <summary>Prints each signed request instead of sending it, and answers as an empty BCC account would.</summary>
internal sealed class DryRunHandler(TextWriter output) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        output.WriteLine($"{request.Method} {request.RequestUri}");
        foreach (string name in new[] { "Host", "x-bce-date", "x-bce-request-id", "Authorization", "User-Agent" })
        {
            if (request.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
            {
                output.WriteLine($"  {name}: {values}");
            }
        }

        string body = request.RequestUri!.AbsolutePath == "/v2/zone" ? """{"zones":[]}""" : """{"isTruncated":false,"instances":[]}""";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
    }
}
