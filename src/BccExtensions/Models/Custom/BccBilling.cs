namespace BccExtensions.Models;

/// <summary>The hand-written part of <see cref="BccBilling"/>: ready-made values.</summary>
public sealed partial class BccBilling
{
    /// <summary>Gets pay-as-you-go billing.</summary>
    public static BccBilling Postpaid => new() { PaymentTiming = BccExtensions.Models.PaymentTiming.Postpaid };
}
