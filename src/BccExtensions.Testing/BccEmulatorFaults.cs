using System.Net;

namespace BccExtensions.Testing;

/// <summary>Scripted misbehaviour: failures, dropped connections, latency and a skewed clock.</summary>
public sealed class BccEmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];
    private long _latencyTicks;
    private long _clockOffsetTicks;

    /// <summary>Gets or sets latency added before each answer (waited on the emulator's clock).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Gets or sets how far the emulator's clock is ahead of (positive) or behind (negative) its time provider.</summary>
    public TimeSpan ClockOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));
        set => Interlocked.Exchange(ref _clockOffsetTicks, value.Ticks);
    }

    /// <summary>Makes the next <paramref name="count"/> matching requests fail with a BCE error, before they are processed.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The BCE error code.</param>
    /// <param name="retryAfter">A Retry-After to send, if any.</param>
    /// <param name="method">Only requests of this method, or all.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this, or all.</param>
    /// <param name="operation">Only requests for this BCC operation (<c>CreateInstanceBySpec</c>, as in the journal and docs/api-coverage.md), or all.</param>
    public void FailNext(int count, HttpStatusCode status, string code, TimeSpan? retryAfter = null, HttpMethod? method = null, string? pathPrefix = null, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Add(new Fault(count, method?.Method, pathPrefix, operation, FaultKind.Fail, status, code, retryAfter));
    }

    /// <summary>
    /// Drops the connection of the next <paramref name="count"/> matching requests, without an answer.
    /// With <paramref name="afterProcessing"/>, the request takes effect first, as when a response is lost.
    /// </summary>
    /// <param name="count">How many connections drop.</param>
    /// <param name="afterProcessing">Whether the request is processed before the connection drops.</param>
    /// <param name="method">Only requests of this method, or all.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this, or all.</param>
    /// <param name="operation">Only requests for this BCC operation (<c>CreateInstanceBySpec</c>, as in the journal and docs/api-coverage.md), or all.</param>
    public void AbortNext(int count, bool afterProcessing = false, HttpMethod? method = null, string? pathPrefix = null, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Add(new Fault(count, method?.Method, pathPrefix, operation, afterProcessing ? FaultKind.AbortAfter : FaultKind.AbortBefore, 0, null, null));
    }

    /// <summary>
    /// Delays the answer of the next <paramref name="count"/> matching requests by <paramref name="delay"/> (on the
    /// emulator's clock) after they took effect, as a slow service does.
    /// </summary>
    /// <param name="count">How many answers are late.</param>
    /// <param name="delay">How late.</param>
    /// <param name="method">Only requests of this method, or all.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this, or all.</param>
    /// <param name="operation">Only requests for this BCC operation (<c>CreateInstanceBySpec</c>, as in the journal and docs/api-coverage.md), or all.</param>
    public void DelayNext(int count, TimeSpan delay, HttpMethod? method = null, string? pathPrefix = null, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        Add(new Fault(count, method?.Method, pathPrefix, operation, FaultKind.DelayAfter, 0, null, delay));
    }

    /// <summary>Removes every scripted fault, the latency and the clock offset.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }

        Latency = TimeSpan.Zero;
        ClockOffset = TimeSpan.Zero;
    }

    internal Fault? Take(string method, string path, string? operation)
    {
        lock (_gate)
        {
            foreach (Fault fault in _faults)
            {
                if ((fault.Method is null || fault.Method == method) && (fault.PathPrefix is null || path.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
                    && (fault.Operation is null || fault.Operation == operation))
                {
                    if (--fault.Remaining == 0)
                    {
                        _faults.Remove(fault);
                    }

                    return fault;
                }
            }
        }

        return null;
    }

    private void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    internal enum FaultKind
    {
        Fail,
        AbortBefore,
        AbortAfter,
        DelayAfter,
    }

    internal sealed class Fault(int count, string? method, string? pathPrefix, string? operation, FaultKind kind, HttpStatusCode status, string? code, TimeSpan? retryAfter)
    {
        public int Remaining { get; set; } = count;

        public string? Method { get; } = method;

        public string? PathPrefix { get; } = pathPrefix;

        public string? Operation { get; } = operation;

        public FaultKind Kind { get; } = kind;

        public HttpStatusCode Status { get; } = status;

        public string? Code { get; } = code;

        /// <summary>Gets the Retry-After of a failure, or the delay of a late answer.</summary>
        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
