using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Http;

/// <summary>
/// A value derived from one registration's <see cref="BccOptions"/> (its endpoint, its credentials), built once per
/// options instance and again after a reload. One reference is swapped whole, so a call racing with a reload never
/// pairs one options instance with a value derived from another.
/// </summary>
internal sealed class BccOptionsCache<T>(IOptionsMonitor<BccOptions> optionsMonitor, string name, Func<BccOptions, T> derive)
{
    private Entry? _entry;

    /// <summary>Gets the value for the registration's current options.</summary>
    public T Current => For(optionsMonitor.Get(name));

    /// <summary>Gets the value for an options instance of this registration.</summary>
    public T For(BccOptions options)
    {
        Entry? entry = Volatile.Read(ref _entry);
        if (entry is not null && ReferenceEquals(entry.Options, options))
        {
            return entry.Value;
        }

        T value = derive(options);
        Volatile.Write(ref _entry, new Entry(options, value));
        return value;
    }

    private sealed record Entry(BccOptions Options, T Value);
}
