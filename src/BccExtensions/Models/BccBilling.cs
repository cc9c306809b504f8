namespace BccExtensions;

/// <summary>How a new resource is paid for.</summary>
public sealed class BccBilling
{
    /// <summary>Gets pay-as-you-go billing.</summary>
    public static BccBilling Postpaid => new() { PaymentTiming = PaymentTiming.Postpaid };

    /// <summary>Gets the payment timing.</summary>
    public PaymentTiming PaymentTiming { get; init; } = PaymentTiming.Postpaid;

    /// <summary>Gets the reservation of a prepaid resource.</summary>
    public BccReservation? Reservation { get; init; }
}
