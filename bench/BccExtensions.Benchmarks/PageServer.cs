using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Benchmarks;

/// <summary>A Kestrel server on loopback that answers every ListInstances with Baidu's published page (one instance).</summary>
internal static class PageServer
{
    public const string AccessKeyId = "AKIDEXAMPLE0123456789abcdef";
    public const string SecretAccessKey = "SKEXAMPLE0123456789abcdefSKEXAMPLE";

    /// <summary>Gets Baidu's published ListInstances answer, as the server sends it.</summary>
    public static byte[] Page { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "list-instances.json"));

    /// <summary>Builds the server on a port (0 for any free one); start it, then read its address from <c>Urls</c>.</summary>
    public static WebApplication Create(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        WebApplication app = builder.Build();
        app.MapGet("/v2/instance", (HttpContext context) =>
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            context.Response.ContentLength = Page.Length;
            context.Response.Headers["x-bce-request-id"] = "c0ffee00-0000-4000-8000-000000000001";
            return context.Response.Body.WriteAsync(Page).AsTask();
        });
        return app;
    }
}
