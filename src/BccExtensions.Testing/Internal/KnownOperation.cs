namespace BccExtensions.Testing.Internal;

/// <summary>A BCC operation the client can call: how to recognise its requests.</summary>
/// <param name="Name">The BCC operation name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path template, <c>{id}</c> holes matching one segment.</param>
/// <param name="Selector">The query key (<c>start</c>) or key and value (<c>action=AttachTags</c>) that selects it, or empty.</param>
internal sealed record KnownOperation(string Name, string Method, string Path, string Selector)
{
    private readonly string[] _template = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Gets every operation: BCC's (generated from spec/), the other paths Baidu's SDKs send some of them to, and STS's two.
    /// </summary>
    public static IReadOnlyList<KnownOperation> All { get; } =
    [
        .. BccOperationTable.All,

        // Volume delete protection also at the metadata's path (the client, like Baidu's Go, Java and Python SDKs, sends
        // it to the older /v2/volume/modifyDeleteProtection); Baidu's Python SDK lists the images for a spec at a
        // singular "Image" (spec/bcc-responses.json notes both).
        new("ModifyVolumeDeleteProtectionV2", "POST", "/v2/volume/modify/deleteProtection", ""),
        new("GetAvailableImagesBySpec", "GET", "/v2/image/getAvailableImageBySpec", ""),
        new("GetSessionToken", "POST", "/v1/sessionToken", ""),
        new("AssumeRole", "POST", "/v1/credential", "assumeRole"),
    ];

    /// <summary>
    /// Finds the operation a request is for: the most specific match (a matching selector, then more literal path
    /// segments: <c>/v2/instance/getAllStocks</c> over <c>/v2/instance/{instanceId}</c>), and among equals a
    /// <paramref name="preferred"/> one (CreateInstanceBySpec and CreateBidInstance share their route).
    /// </summary>
    public static KnownOperation? Find(string method, IReadOnlyList<string> segments, IReadOnlyDictionary<string, string> query, Func<string, bool>? preferred = null) =>
        All
            .Where(o => o.Method == method && o.PathMatches(segments) && o.SelectorMatches(query))
            .OrderByDescending(o => o.Selector.Length)
            .ThenByDescending(o => o._template.Count(part => !part.StartsWith('{')))
            .ThenByDescending(o => preferred?.Invoke(o.Name) ?? false)
            .FirstOrDefault();

    /// <summary>Gets the path parameters of a matching path by their names in the template.</summary>
    public IReadOnlyDictionary<string, string> Bind(IReadOnlyList<string> segments) =>
        _template.Select((part, i) => (part, i)).Where(p => p.part.StartsWith('{')).ToDictionary(p => p.part.Trim('{', '}'), p => segments[p.i], StringComparer.Ordinal);

    private bool PathMatches(IReadOnlyList<string> segments) =>
        _template.Length == segments.Count
        && _template.Select((part, i) => part.StartsWith('{') || string.Equals(part, segments[i], StringComparison.Ordinal)).All(match => match);

    private bool SelectorMatches(IReadOnlyDictionary<string, string> query)
    {
        if (Selector.Length == 0)
        {
            return true;
        }

        string[] pair = Selector.Split('=', 2);
        return pair.Length == 1 ? query.ContainsKey(pair[0]) : query.TryGetValue(pair[0], out string? value) && value == pair[1];
    }
}
