namespace BccExtensions.Internal.Json;

/// <summary>A string-backed extensible enumeration: known values as statics, unknown values kept as sent.</summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
internal interface IBccStringEnum<TSelf>
    where TSelf : struct, IBccStringEnum<TSelf>
{
    /// <summary>Gets the wire value.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire form.</summary>
    static abstract TSelf FromValue(string value);
}
