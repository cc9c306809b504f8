namespace BccExtensions;

/// <summary>The purchase length of a prepaid resource.</summary>
public sealed class BccReservation
{
    /// <summary>Gets the length, in <see cref="ReservationTimeUnit"/>s.</summary>
    public int ReservationLength { get; init; }

    /// <summary>Gets the unit; the service documents <c>Month</c>.</summary>
    public string ReservationTimeUnit { get; init; } = "Month";
}
