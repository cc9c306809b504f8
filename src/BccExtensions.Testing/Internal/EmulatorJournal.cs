using Microsoft.AspNetCore.Http;

namespace BccExtensions.Testing.Internal;

/// <summary>The last requests received, without their signatures or tokens, for a test's assertions.</summary>
internal sealed class EmulatorJournal(int capacity)
{
    private readonly Queue<BccEmulatorRequest> _entries = new();

    public IReadOnlyList<BccEmulatorRequest> Snapshot()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }

    public void Record(HttpRequest request, string rawPath, string rawQuery, string? operation, DateTimeOffset now)
    {
        if (capacity <= 0)
        {
            return;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("x-bce-security-token", StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = header.Value.ToString();
            }
        }

        lock (_entries)
        {
            _entries.Enqueue(new BccEmulatorRequest(request.Method, rawPath, rawQuery, headers, now) { Operation = operation });
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }
}
