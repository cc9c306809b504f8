namespace BccExtensions.Tests.Helpers;

/// <summary>Counts the requests a client has on the wire (from sending until the answer's headers arrive).</summary>
public sealed class InFlightCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public sealed class Handler(InFlightCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref counter._count);
            }
        }
    }
}
