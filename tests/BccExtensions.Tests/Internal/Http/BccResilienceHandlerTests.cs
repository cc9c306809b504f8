using System.Net;
using BccExtensions.Internal.Http;
using BccExtensions.Internal.Json;
using BccExtensions.Tests.Helpers;
using Polly;

namespace BccExtensions.Tests.Internal.Http;

public class BccResilienceHandlerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_BodyWithOrWithoutLength_IsHandedOverWholeAndExactlySized(bool lengthKnown)
    {
        byte[] page = [.. Enumerable.Range(0, 70_000).Select(i => (byte)('a' + (i % 26)))];

        using HttpResponseMessage response = await SendAsync(() => lengthKnown ? new ByteArrayContent(page) : new StreamContent(new UnknownLengthStream(page)));

        byte[] body = await BccAnswerBody.ReadAsync(response, CancellationToken.None);
        Assert.Equal(page, body);
        Assert.Same(body, await BccAnswerBody.ReadAsync(response, CancellationToken.None));
        Assert.Equal(page, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(page.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Send_LargeDeclaredLength_ReadAsItArrives()
    {
        // Above 1 MiB the declared length is not allocated up front; the body still arrives whole.
        byte[] page = new byte[3 * 1024 * 1024];
        page.AsSpan().Fill((byte)'x');

        using HttpResponseMessage response = await SendAsync(() => new ByteArrayContent(page));

        Assert.Equal(page.Length, (await BccAnswerBody.ReadAsync(response, CancellationToken.None)).Length);
    }

    [Fact]
    public async Task Send_BodyShorterThanItsContentLength_FailsAsAnEndedAnswer()
    {
        HttpIOException error = await Assert.ThrowsAsync<HttpIOException>(() => SendAsync(() =>
        {
            var content = new StreamContent(new UnknownLengthStream([1, 2, 3]));
            content.Headers.ContentLength = 10;
            return content;
        }));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Contains("ended before its Content-Length (10 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnknownLengthOverTheCap_Refused()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => SendAsync(() => new StreamContent(new UnknownLengthStream(new byte[BccAnswerBody.MaxBytes + 1]))));
    }

    private static async Task<HttpResponseMessage> SendAsync(Func<HttpContent> content)
    {
        // No strategy: what is left is the attempt itself, which reads the body whole before it ends.
        var pipeline = new BccOptionsCache<ResiliencePipeline<HttpResponseMessage>>(EmptyOptionsMonitor.Create(), string.Empty, _ => ResiliencePipeline<HttpResponseMessage>.Empty);
        using var invoker = new HttpMessageInvoker(new BccResilienceHandler(pipeline) { InnerHandler = new Answer(content) });
        return await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://bcc.bj.baidubce.com/v2/instance"), CancellationToken.None);
    }

    private sealed class Answer(Func<HttpContent> content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content() });
    }

    /// <summary>A body whose length is not known up front (as with chunked transfer), read in small pieces.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 4096));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);
    }
}
