using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Support;

/// <summary>
/// Advances a fake clock in small steps until a task completes (retry delays, Retry-After, waiters). The clock is
/// moved at most <c>maxAdvance</c> in all, so real I/O in flight cannot let it race far ahead.
/// </summary>
public static class FakeClockDriver
{
    private static readonly TimeSpan s_maxAdvance = TimeSpan.FromMinutes(15);

    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        await DriveAsync(time, task, step ?? TimeSpan.FromMilliseconds(100));
        return await task;
    }

    public static async Task RunAsync(FakeTimeProvider time, Task task, TimeSpan? step = null)
    {
        await DriveAsync(time, task, step ?? TimeSpan.FromMilliseconds(100));
        await task;
    }

    private static async Task DriveAsync(FakeTimeProvider time, Task task, TimeSpan step)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan advanced = TimeSpan.Zero;
        while (!task.IsCompleted && guard.Elapsed < TimeSpan.FromSeconds(20))
        {
            for (int y = 0; y < 20 && !task.IsCompleted; y++)
            {
                await Task.Yield();
            }

            if (!task.IsCompleted && advanced < s_maxAdvance)
            {
                time.Advance(step);
                advanced += step;
            }
        }

        Assert.True(task.IsCompleted, "the call did not complete while the fake clock advanced");
    }
}
