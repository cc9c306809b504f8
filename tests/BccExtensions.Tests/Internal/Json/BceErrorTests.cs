using System.Net;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Json;

public class BceErrorTests
{
    [Fact]
    public async Task Error_JsonBody_CarriesCodeMessageAndRequestId()
    {
        BccServiceException error = await FailWith(StubHandler.Json(HttpStatusCode.Conflict, """{"code":"Instance.StartInstanceOperationForbidden","message":"not stopped","requestId":"body-id"}""", "header-id"));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(BccErrorCodes.InstanceStartForbidden, error.ErrorCode);
        Assert.Equal("not stopped", error.ServiceMessage);
        Assert.Equal("body-id", error.RequestId);
        Assert.Equal("BCC returned 409 Instance.StartInstanceOperationForbidden: not stopped (request id: body-id)", error.Message);
    }

    [Fact]
    public async Task Error_NoRequestIdInBody_FallsBackToTheHeader()
    {
        BccServiceException error = await FailWith(StubHandler.Json(HttpStatusCode.Forbidden, """{"code":"SignatureDoesNotMatch","message":"bad signature"}""", "header-id"));

        Assert.Equal(BccErrorCodes.SignatureDoesNotMatch, error.ErrorCode);
        Assert.Equal("header-id", error.RequestId);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "InvalidHTTPRequest")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied")]
    [InlineData(HttpStatusCode.NotFound, "NotFound")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    public async Task Error_EmptyBody_CodeFromStatus(HttpStatusCode status, string code)
    {
        BccServiceException error = await FailWith(new HttpResponseMessage(status));

        Assert.Equal(code, error.ErrorCode);
        Assert.Null(error.RequestId);
        Assert.Equal(string.Empty, error.ServiceMessage);
    }

    [Theory]
    [InlineData("<html><body>Bad Gateway</body></html>", "text/html")]
    [InlineData("{\"code\":\"Internal", "application/json")]
    public async Task Error_NonJsonOrTruncatedBody_QuotesTheStartOfTheBody(string body, string mediaType)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) };

        BccServiceException error = await FailWith(response);

        Assert.Equal(BccErrorCodes.AccessDenied, error.ErrorCode);
        Assert.StartsWith("non-JSON error body: ", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_HugeBody_ReadsOnlyABoundedPrefix()
    {
        var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(new string('x', 5_000_000)) };

        BccServiceException error = await FailWith(response);

        Assert.InRange(error.ServiceMessage.Length, 1, 300);
    }

    [Fact]
    public async Task Success_BodyNotJson_ThrowsAClearJsonError()
    {
        await using TestHost host = TestHost.Create((_, _) => StubHandler.Json(HttpStatusCode.OK, "<html>"));

        System.Text.Json.JsonException error = await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => host.Client.Zones.ListAsync());

        Assert.Contains("ListZones", error.Message, StringComparison.Ordinal);
    }

    private static async Task<BccServiceException> FailWith(HttpResponseMessage response)
    {
        await using TestHost host = TestHost.Create((_, _) => response, new Dictionary<string, string?> { ["Bcc:DisableRetries"] = "true" });
        return await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Zones.ListAsync());
    }
}
