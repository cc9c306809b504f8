namespace BccExtensions.Models;

/// <summary>
/// A string-backed extensible enumeration, such as <see cref="InstanceStatus"/>: the values BCC documents are static
/// properties, and a value BCC adds later is kept as sent instead of failing the read.
/// </summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
public interface IBccStringValue<TSelf>
    where TSelf : struct, IBccStringValue<TSelf>
{
    /// <summary>Gets the value as BCC sends it (<c>Running</c>, <c>Postpaid</c>, …).</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as BCC sends it.</param>
    /// <returns>The value; an unknown one is kept as sent.</returns>
    static abstract TSelf FromValue(string value);
}
