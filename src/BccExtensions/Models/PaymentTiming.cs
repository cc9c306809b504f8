using System.Text.Json.Serialization;
using BccExtensions.Internal;

namespace BccExtensions;

/// <summary>How an instance or volume is billed. Unknown values are kept as sent.</summary>
[JsonConverter(typeof(BccStringEnumConverter<PaymentTiming>))]
public readonly struct PaymentTiming : IEquatable<PaymentTiming>, IBccStringEnum<PaymentTiming>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the service sends it.</param>
    public PaymentTiming(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>Prepaid</c>.</summary>
    public static PaymentTiming Prepaid { get; } = new("Prepaid");

    /// <summary>Gets <c>Postpaid</c>.</summary>
    public static PaymentTiming Postpaid { get; } = new("Postpaid");

    /// <summary>Gets the wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    public static bool operator ==(PaymentTiming left, PaymentTiming right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    public static bool operator !=(PaymentTiming left, PaymentTiming right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator PaymentTiming(string value) => new(value);

    static PaymentTiming IBccStringEnum<PaymentTiming>.FromValue(string value) => new(value);

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the service sends it.</param>
    public static PaymentTiming FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(PaymentTiming other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PaymentTiming other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
