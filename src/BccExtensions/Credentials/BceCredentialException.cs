namespace BccExtensions;

/// <summary>Thrown when no valid credentials can be had, for example when STS is unreachable and the last temporary keys expired.</summary>
public sealed class BceCredentialException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BceCredentialException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    public BceCredentialException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never a secret.</param>
    /// <param name="innerException">The last failure.</param>
    public BceCredentialException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
