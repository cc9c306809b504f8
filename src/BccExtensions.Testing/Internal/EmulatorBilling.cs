using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>BCC's billing objects: <c>{paymentTiming, reservation: {reservationLength, reservationTimeUnit}}</c>.</summary>
internal static class EmulatorBilling
{
    public const string Prepaid = "Prepaid";
    public const string Postpaid = "Postpaid";

    /// <summary>Reads how a resource is paid for and, when prepaid, when it expires.</summary>
    /// <exception cref="EmulatorError">400 for a payment timing BCC does not sell or a reservation out of range.</exception>
    public static (string PaymentTiming, DateTimeOffset? Expires) Read(JsonObject? billing, DateTimeOffset now)
    {
        string timing = billing?["paymentTiming"] switch
        {
            null => Postpaid,
            JsonValue value when value.TryGetValue(out string? text) => text.Length > 0 ? text : Postpaid,
            _ => throw EmulatorError.BadRequest("'billing.paymentTiming' must be text."),
        };
        if (timing is not (Prepaid or Postpaid))
        {
            throw EmulatorError.BadRequest($"'paymentTiming' must be {Prepaid} or {Postpaid}, not '{timing}'.");
        }

        if (timing == Postpaid)
        {
            return (timing, null);
        }

        JsonObject? reservation = billing?["reservation"] as JsonObject;
        return (timing, Extend(now, Length(reservation?["reservationLength"]), reservation?["reservationTimeUnit"]?.GetValue<string>()));
    }

    /// <summary>Moves an expiry on by a reservation: months by default, or years.</summary>
    public static DateTimeOffset Extend(DateTimeOffset from, int length, string? unit)
    {
        if (length is < 1 or > 60)
        {
            throw EmulatorError.BadRequest("The reservation length must be 1–60.");
        }

        return string.Equals(unit, "year", StringComparison.OrdinalIgnoreCase) ? from.AddYears(length) : from.AddMonths(length);
    }

    private static int Length(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue(out int number) => number == 0 ? 1 : number,
        JsonValue value when value.TryGetValue(out string? text) && int.TryParse(text, out int parsed) => parsed,
        _ => 1,
    };
}
