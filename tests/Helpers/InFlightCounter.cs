namespace BccExtensions.Tests.Helpers;

/// <summary>
/// The attempts a client has on the wire (from sending until the answer's body has arrived in full), by their
/// <c>x-bce-request-id</c>, so a clock driver can check that each is one the emulator is deliberately delaying.
/// The body counts: the client reads it inside the attempt timeout, so moving the clock while it is in transit
/// could time out an attempt the server answered at once.
/// </summary>
public sealed class InFlightCounter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    /// <summary>Returns whether every attempt on the wire is among <paramref name="delayed"/> (an attempt without an id never is).</summary>
    public bool AllAmong(IReadOnlyCollection<string> delayed) => _ids.Keys.All(delayed.Contains);

    public sealed class Handler(InFlightCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string id = request.Headers.TryGetValues("x-bce-request-id", out IEnumerable<string>? ids) ? ids.First() : Guid.NewGuid().ToString("N");
            counter._ids[id] = 0;
            try
            {
                HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
#if NET9_0_OR_GREATER
                await response.Content.LoadIntoBufferAsync(cancellationToken);
#else
                await response.Content.LoadIntoBufferAsync();
#endif
                return response;
            }
            finally
            {
                counter._ids.TryRemove(id, out _);
            }
        }
    }
}
