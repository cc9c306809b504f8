using System.Collections.Concurrent;

namespace BccExtensions.Testing;

/// <summary>
/// What the emulator is doing right now, for a test that drives one fake clock (a <c>FakeTimeProvider</c>) shared by client and
/// emulator: advance the clock only while <see cref="IsIdle"/>, so a request still travelling over loopback never sees
/// time jump, and tell a deliberately delayed attempt (<see cref="DelayedRequestIds"/>) from one still in transit.
/// </summary>
public sealed class BccEmulatorActivity
{
    private readonly ConcurrentDictionary<string, byte> _delayed = new(StringComparer.Ordinal);
    private int _active;
    private int _delayedCount;

    internal BccEmulatorActivity()
    {
    }

    /// <summary>Gets whether every request being handled is waiting out injected latency or a delayed answer.</summary>
    public bool IsIdle => Volatile.Read(ref _active) == Volatile.Read(ref _delayedCount);

    /// <summary>Gets the client request ids (<c>x-bce-request-id</c>) of the requests waiting out injected latency or a delayed answer.</summary>
    public IReadOnlyCollection<string> DelayedRequestIds => [.. _delayed.Keys];

    /// <summary>Counts a request as being handled until the returned scope is disposed.</summary>
    internal Scope Handling() => new(this);

    /// <summary>Waits on the emulator's clock, counted as delayed under the request's client request id.</summary>
    internal async Task DelayAsync(string clientRequestId, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        // The timer is set on the clock before the request is reported as delayed: a test that advances the clock once
        // it sees the request parked must find the timer there.
        Task delayed = Task.Delay(delay, time, cancellationToken);
        Interlocked.Increment(ref _delayedCount);
        _delayed.TryAdd(clientRequestId, 0);
        try
        {
            await delayed.ConfigureAwait(false);
        }
        finally
        {
            _delayed.TryRemove(clientRequestId, out _);
            Interlocked.Decrement(ref _delayedCount);
        }
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly BccEmulatorActivity _activity;

        public Scope(BccEmulatorActivity activity)
        {
            _activity = activity;
            Interlocked.Increment(ref activity._active);
        }

        public void Dispose() => Interlocked.Decrement(ref _activity._active);
    }
}
