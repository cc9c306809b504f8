using System.Net;
using System.Text;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Reliability;

/// <summary>Answers no well-behaved service sends: each ends in a clear exception, never a hang or a crash.</summary>
public sealed class HostileResponseTests
{
    [Fact]
    public async Task SuccessBody_LargerThanTheLimit_InvalidDataWithoutRetry()
    {
        await using TestHost host = TestHost.Create((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = EndlessContent() });

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => host.RunAsync(host.Client.Zones.ListAsync()));

        Assert.Contains("32 MiB", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task SuccessBody_DeclaredLargerThanTheLimit_RefusedBeforeReading()
    {
        await using TestHost host = TestHost.Create((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = EndlessContent() };
            response.Content.Headers.ContentLength = 1L << 40;
            return response;
        });

        await Assert.ThrowsAsync<InvalidDataException>(() => host.RunAsync(host.Client.Zones.ListAsync()));
    }

    [Theory]
    [InlineData("{\"zones\":[{\"zoneName\":\"cn-bj-a\"}", "application/json")]
    [InlineData("[{\"zoneName\":\"cn-bj-a\"}]", "application/json")]
    [InlineData("<html>busy</html>", "text/html")]
    [InlineData("\u0000\u0001\u0002", "application/octet-stream")]
    public async Task SuccessBody_NotTheExpectedJson_ClearJsonException(string body, string mediaType)
    {
        await using TestHost host = TestHost.Create((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

        System.Text.Json.JsonException error = await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => host.Client.Zones.ListAsync());

        Assert.StartsWith("BCC ListZones returned a body that is not a valid ListZonesResponse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuccessBody_ValidJsonWithAWrongContentType_IsRead()
    {
        await using TestHost host = TestHost.Create((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"zones\":[{\"zoneName\":\"cn-bj-a\"}]}", Encoding.UTF8, "text/plain") });

        IReadOnlyList<BccZone> zones = await host.Client.Zones.ListAsync();

        Assert.Equal("cn-bj-a", Assert.Single(zones).ZoneName);
    }

    [Fact]
    public async Task ErrorBody_HugeNonJsonWithoutRequestId_BccServiceExceptionQuotingItsStart()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html>" + new string('x', 10_000_000), Encoding.UTF8, "text/html") },
            new Dictionary<string, string?> { ["Bcc:DisableRetries"] = "true" });

        BccServiceException error = await Assert.ThrowsAsync<BccServiceException>(() => host.Client.Zones.ListAsync());

        Assert.Equal(BccErrorCodes.AccessDenied, error.ErrorCode);
        Assert.Null(error.RequestId);
        Assert.StartsWith("non-JSON error body: <html>xxx", error.ServiceMessage, StringComparison.Ordinal);
        Assert.True(error.ServiceMessage.Length < 300);
    }

    [Fact]
    public async Task SuccessBody_Stalling_CutByTheAttemptTimeoutAndRetried()
    {
        await using TestHost host = TestHost.Create(
            (_, attempt) => attempt == 1
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = StallingContent() }
                : StubHandler.Json(HttpStatusCode.OK, "{\"zones\":[{\"zoneName\":\"cn-bj-a\"}]}"),
            new Dictionary<string, string?> { ["Bcc:Resilience:AttemptTimeout:Timeout"] = "00:00:10" });

        Task<IReadOnlyList<BccZone>> call = host.Client.Zones.ListAsync();
        await FakeClockDriver.WaitUntilAsync(() => host.Stub.Requests.Count == 1, "the first attempt");
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await host.AdvanceUntilAsync(() => call.IsCompleted, "the retried attempt");

        Assert.Single(await call);
        Assert.Equal(2, host.Stub.Requests.Count);
    }

    /// <summary>An endless body: every read fills the buffer.</summary>
    private static ScriptedContent EndlessContent() => new ScriptedContent((buffer, _) => ValueTask.FromResult(buffer.Length));

    /// <summary>A body whose first read waits until it is cancelled.</summary>
    private static ScriptedContent StallingContent() => new ScriptedContent(async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    });

    private delegate ValueTask<int> ReadScript(Memory<byte> buffer, CancellationToken cancellationToken);

    private sealed class ScriptedContent(ReadScript read) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => throw new NotSupportedException();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ScriptedStream(read));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class ScriptedStream(ReadScript read) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => read(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
