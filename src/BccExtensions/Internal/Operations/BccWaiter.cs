namespace BccExtensions.Internal.Operations;

/// <summary>Polls a resource with back-off until it reaches a status, fails for good, or time runs out.</summary>
internal static class BccWaiter
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_firstPollDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maxPollDelay = TimeSpan.FromSeconds(15);

    /// <summary>Reads the resource until <paramref name="statusOf"/> gives <paramref name="target"/>.</summary>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    /// <exception cref="InvalidOperationException">The resource entered one of the <paramref name="stuck"/> states.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive (thrown by the call, as a usage error).</exception>
    public static Task<T> WaitAsync<T, TStatus>(
        TimeProvider time,
        string resource,
        Func<CancellationToken, Task<T>> read,
        Func<T, TStatus> statusOf,
        TStatus target,
        TStatus[] stuck,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
        where TStatus : struct, IEquatable<TStatus>
    {
        TimeSpan limit = timeout ?? s_defaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        return PollAsync(time, resource, read, statusOf, target, stuck, limit, cancellationToken);
    }

    private static async Task<T> PollAsync<T, TStatus>(
        TimeProvider time,
        string resource,
        Func<CancellationToken, Task<T>> read,
        Func<T, TStatus> statusOf,
        TStatus target,
        TStatus[] stuck,
        TimeSpan limit,
        CancellationToken cancellationToken)
        where TStatus : struct, IEquatable<TStatus>
    {
        long started = time.GetTimestamp();
        TimeSpan delay = s_firstPollDelay;
        while (true)
        {
            T value = await read(cancellationToken).ConfigureAwait(false);
            TStatus status = statusOf(value);
            if (status.Equals(target))
            {
                return value;
            }

            if (stuck.Contains(status) && !stuck.Contains(target))
            {
                throw new InvalidOperationException($"{resource} entered {status} while waiting for {target}.");
            }

            TimeSpan remaining = limit - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{resource} did not reach {target} within {limit}; it is {status}.");
            }

            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(s_maxPollDelay.Ticks, delay.Ticks * 3 / 2));
        }
    }
}
