namespace BccExtensions.Internal.Signing;

/// <summary>
/// The offset between the service's clock and ours, learnt from the <c>Date</c> header of a
/// <c>RequestExpired</c> answer and added to every later signing instant. One per registration.
/// </summary>
internal sealed class BceClockSkew
{
    private long _offsetTicks;

    /// <summary>Gets the current correction.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>Learns the offset from a server date; returns whether the correction changed by a second or more.</summary>
    /// <param name="serverDate">The response <c>Date</c>, or <see langword="null"/> when absent.</param>
    /// <param name="localNow">Our uncorrected clock when the response arrived.</param>
    public bool TryLearn(DateTimeOffset? serverDate, DateTimeOffset localNow)
    {
        if (serverDate is null)
        {
            return false;
        }

        TimeSpan offset = serverDate.Value - localNow;
        if ((offset - Offset).Duration() < TimeSpan.FromSeconds(1))
        {
            return false;
        }

        Volatile.Write(ref _offsetTicks, offset.Ticks);
        return true;
    }
}
