using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Helpers;

/// <summary>
/// The one owner of waiting in the tests: waits for a condition, or advances a fake clock in small steps until a task
/// completes or a condition holds (retry delays, Retry-After, waiters). The clock is moved at most <c>maxAdvance</c> in
/// all, so real I/O in flight cannot let it race far ahead; a wall-clock guard fails a test instead of hanging it.
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

    /// <summary>Lets other work run until a condition holds, without moving any clock.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string what) =>
        SpinAsync(condition, what, TimeSpan.FromSeconds(10), yieldsPerStep: 1, advance: null);

    /// <summary>Advances the fake clock one small step at a time, letting other work settle between steps, until a condition holds.</summary>
    public static Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, string what, TimeSpan? step = null) =>
        SpinAsync(condition, what, TimeSpan.FromSeconds(10), yieldsPerStep: 2000, advance: () => time.Advance(step ?? TimeSpan.FromMilliseconds(100)));

    /// <summary>
    /// Disposes a service provider whose resilience pipelines run on the fake clock: Polly waits, on that clock, for
    /// executions still in flight (a background STS refresh) before it lets go, so the clock must keep moving.
    /// </summary>
    public static Task DisposeAsync(IAsyncDisposable services, FakeTimeProvider time) =>
        RunAsync(time, services.DisposeAsync().AsTask(), TimeSpan.FromSeconds(1));

    /// <param name="canAdvance">Whether the clock may move now (e.g. the emulator is not handling a request).</param>
    /// <param name="yieldsPerStep">How long to let other work run between steps; real I/O wants more.</param>
    private static Task DriveAsync(FakeTimeProvider time, Task task, TimeSpan step, Func<bool>? canAdvance, int yieldsPerStep)
    {
        TimeSpan advanced = TimeSpan.Zero;
        return SpinAsync(() => task.IsCompleted, "the call to complete while the fake clock advanced", TimeSpan.FromSeconds(20), yieldsPerStep, () =>
        {
            if (advanced < s_maxAdvance && (canAdvance?.Invoke() ?? true))
            {
                time.Advance(step);
                advanced += step;
            }
        });
    }

    // The one loop: yield a while, then take a step (if any), until done or the wall-clock guard runs out.
    private static async Task SpinAsync(Func<bool> done, string what, TimeSpan limit, int yieldsPerStep, Action? advance)
    {
        long start = Stopwatch.GetTimestamp();
        while (!done())
        {
            Assert.True(Stopwatch.GetElapsedTime(start) < limit, "timed out waiting for " + what);
            for (int y = 0; y < yieldsPerStep && !done(); y++)
            {
                await Task.Yield();
            }

            if (!done())
            {
                advance?.Invoke();
            }
        }
    }
}
