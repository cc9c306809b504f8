using System.Text.Json.Serialization;
using BccExtensions.Internal;

namespace BccExtensions;

/// <summary>The status of a BCC instance. Unknown values are kept as sent.</summary>
[JsonConverter(typeof(BccStringEnumConverter<InstanceStatus>))]
public readonly struct InstanceStatus : IEquatable<InstanceStatus>, IBccStringEnum<InstanceStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the service sends it.</param>
    public InstanceStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Gets <c>Running</c>.</summary>
    public static InstanceStatus Running { get; } = new("Running");

    /// <summary>Gets <c>Starting</c>.</summary>
    public static InstanceStatus Starting { get; } = new("Starting");

    /// <summary>Gets <c>Stopping</c>.</summary>
    public static InstanceStatus Stopping { get; } = new("Stopping");

    /// <summary>Gets <c>Stopped</c>.</summary>
    public static InstanceStatus Stopped { get; } = new("Stopped");

    /// <summary>Gets <c>Deleted</c>.</summary>
    public static InstanceStatus Deleted { get; } = new("Deleted");

    /// <summary>Gets <c>Scaling</c>.</summary>
    public static InstanceStatus Scaling { get; } = new("Scaling");

    /// <summary>Gets <c>Expired</c>.</summary>
    public static InstanceStatus Expired { get; } = new("Expired");

    /// <summary>Gets <c>Error</c>.</summary>
    public static InstanceStatus Error { get; } = new("Error");

    /// <summary>Gets <c>SnapshotProcessing</c>.</summary>
    public static InstanceStatus SnapshotProcessing { get; } = new("SnapshotProcessing");

    /// <summary>Gets <c>ImageProcessing</c>.</summary>
    public static InstanceStatus ImageProcessing { get; } = new("ImageProcessing");

    /// <summary>Gets <c>ChangeVpc</c>.</summary>
    public static InstanceStatus ChangeVpc { get; } = new("ChangeVpc");

    /// <summary>Gets <c>Recycled</c>.</summary>
    public static InstanceStatus Recycled { get; } = new("Recycled");

    /// <summary>Gets the wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    public static bool operator ==(InstanceStatus left, InstanceStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    public static bool operator !=(InstanceStatus left, InstanceStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value.</summary>
    public static implicit operator InstanceStatus(string value) => new(value);

    static InstanceStatus IBccStringEnum<InstanceStatus>.FromValue(string value) => new(value);

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the service sends it.</param>
    public static InstanceStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(InstanceStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is InstanceStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
