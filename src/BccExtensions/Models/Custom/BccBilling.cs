namespace BccExtensions.Models;

// The hand-written part of BccBilling: ready-made values.
public sealed partial class BccBilling
{
    /// <summary>Gets pay-as-you-go billing.</summary>
    public static BccBilling Postpaid => new() { PaymentTiming = BccExtensions.Models.PaymentTiming.Postpaid };
}
