using System.Globalization;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// A stateful resource: an id and a status whose pending transition completes on the emulator's clock. Routes change
/// the status through <see cref="Transition"/>; the setters exist for the data directory (<see cref="EmulatorStore"/>).
/// </summary>
internal abstract class EmulatedResource
{
    public required string Id { get; init; }

    public string Status { get; set; } = "Creating";

    /// <summary>Gets or sets the status a pending transition ends in, or <see langword="null"/>.</summary>
    public string? PendingStatus { get; set; }

    /// <summary>Gets or sets when the pending transition ends.</summary>
    public DateTimeOffset PendingAt { get; set; }

    /// <summary>Gets or sets the tags bound to the resource, in binding order (one value per key).</summary>
    public List<KeyValuePair<string, string>> Tags { get; set; } = [];

    /// <summary>Gets the tags as BCC lists them: <c>[{tagKey, tagValue}]</c>.</summary>
    public JsonArray TagsJson() =>
        new([.. Tags.Select(t => (JsonNode)new JsonObject { ["tagKey"] = t.Key, ["tagValue"] = t.Value })]);

    /// <summary>Binds tags: a new key is added, a bound key takes the new value.</summary>
    public void BindTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (KeyValuePair<string, string> tag in tags)
        {
            int bound = Tags.FindIndex(t => t.Key == tag.Key);
            if (bound < 0)
            {
                Tags.Add(tag);
            }
            else
            {
                Tags[bound] = tag;
            }
        }
    }

    /// <summary>Unbinds tags by key (and by value, when one is given).</summary>
    public void UnbindTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        foreach (KeyValuePair<string, string> tag in tags)
        {
            Tags.RemoveAll(t => t.Key == tag.Key && (tag.Value.Length == 0 || t.Value == tag.Value));
        }
    }

    /// <summary>Tells whether a tag filter matches: <c>key</c> or <c>key:value</c>.</summary>
    public bool HasTag(string filter) =>
        Tags.Any(t => filter.Contains(':', StringComparison.Ordinal) ? $"{t.Key}:{t.Value}" == filter : t.Key == filter);

    /// <summary>Completes a due transition.</summary>
    public void Refresh(DateTimeOffset now)
    {
        if (PendingStatus is not null && now >= PendingAt)
        {
            Status = PendingStatus;
            PendingStatus = null;
        }
    }

    /// <summary>Enters a transitional status that becomes <paramref name="target"/> after <paramref name="delay"/>.</summary>
    public void Transition(string transitional, string target, DateTimeOffset now, TimeSpan delay)
    {
        Status = transitional;
        PendingStatus = target;
        PendingAt = now + delay;
        Refresh(now);
    }

    /// <summary>Throws 409 with <paramref name="code"/> unless the status is one of <paramref name="allowed"/>.</summary>
    public void RequireStatus(string code, params string[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw EmulatorError.Conflict(code, $"{Id} is {Status}; the operation needs {string.Join(" or ", allowed)}.");
        }
    }

    /// <summary>Completes the due transitions of a set of resources and returns them as a list.</summary>
    public static List<T> RefreshAll<T>(IEnumerable<T> items, DateTimeOffset now)
        where T : EmulatedResource
    {
        List<T> list = items.ToList();
        list.ForEach(item => item.Refresh(now));
        return list;
    }

    public static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
