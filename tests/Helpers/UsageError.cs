namespace BccExtensions.Tests.Helpers;

/// <summary>Asserts the task-based pattern's rule for usage errors: a bad argument is thrown by the call itself, not through its task.</summary>
public static class UsageError
{
    public static void ThrownByTheCall(Func<Task> call)
    {
        try
        {
            _ = call();
        }
        catch (ArgumentException)
        {
            return;
        }

        Assert.Fail("The call returned a task instead of throwing its usage error.");
    }
}
