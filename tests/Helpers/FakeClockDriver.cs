using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Helpers;

/// <summary>
/// Advances a fake clock in small steps until a task completes (retry delays, Retry-After, waiters). The clock is
/// moved at most <c>maxAdvance</c> in all, so real I/O in flight cannot let it race far ahead.
/// </summary>
public static class FakeClockDriver
{
    private static readonly TimeSpan s_maxAdvance = TimeSpan.FromMinutes(15);

    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null, Func<bool>? canAdvance = null, int yieldsPerStep = 20)
    {
        await DriveAsync(time, task, step ?? TimeSpan.FromMilliseconds(100), canAdvance, yieldsPerStep);
        return await task;
    }

    public static async Task RunAsync(FakeTimeProvider time, Task task, TimeSpan? step = null, Func<bool>? canAdvance = null, int yieldsPerStep = 20)
    {
        await DriveAsync(time, task, step ?? TimeSpan.FromMilliseconds(100), canAdvance, yieldsPerStep);
        await task;
    }

    /// <summary>
    /// Disposes a service provider whose resilience pipelines run on the fake clock: Polly waits, on that clock, for
    /// executions still in flight (a background STS refresh) before it lets go, so the clock must keep moving.
    /// </summary>
    public static Task DisposeAsync(IAsyncDisposable services, FakeTimeProvider time) =>
        RunAsync(time, services.DisposeAsync().AsTask(), TimeSpan.FromSeconds(1));

    /// <param name="canAdvance">Whether the clock may move now (e.g. the emulator is not handling a request).</param>
    /// <param name="yieldsPerStep">How long to let other work run between steps; real I/O wants more.</param>
    private static async Task DriveAsync(FakeTimeProvider time, Task task, TimeSpan step, Func<bool>? canAdvance, int yieldsPerStep)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan advanced = TimeSpan.Zero;
        while (!task.IsCompleted && guard.Elapsed < TimeSpan.FromSeconds(20))
        {
            for (int y = 0; y < yieldsPerStep && !task.IsCompleted; y++)
            {
                await Task.Yield();
            }

            if (!task.IsCompleted && advanced < s_maxAdvance && (canAdvance?.Invoke() ?? true))
            {
                time.Advance(step);
                advanced += step;
            }
        }

        Assert.True(task.IsCompleted, "the call did not complete while the fake clock advanced");
    }
}
