using Microsoft.Extensions.Time.Testing;

namespace BccExtensions.Tests.Support;

/// <summary>Advances a fake clock in small steps until a task completes (retry delays, Retry-After, waiters).</summary>
public static class FakeClockDriver
{
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
        while (!task.IsCompleted && guard.Elapsed < TimeSpan.FromSeconds(20))
        {
            for (int y = 0; y < 20 && !task.IsCompleted; y++)
            {
                await Task.Yield();
            }

            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, "the call did not complete while the fake clock advanced");
    }
}
