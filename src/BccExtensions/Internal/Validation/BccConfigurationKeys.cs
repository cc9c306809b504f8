using Microsoft.Extensions.Configuration;

namespace BccExtensions.Internal.Validation;

/// <summary>
/// Finds configuration keys under a BCC section that bind to nothing: a misspelling (<c>Sts:Enable</c>) or another
/// SDK's name (<c>ConnectionTimeoutInMillis</c>) would otherwise be ignored in silence. Each is reported by its full
/// path with the nearest known key, or ours for a Baidu SDK's name. Values are never read, so no secret is echoed.
/// </summary>
internal static class BccConfigurationKeys
{
    /// <summary>Every key <see cref="BccOptions"/> binds, relative to its section (the binder ignores case).</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "Region", "Endpoint", "AccessKeyId", "SecretAccessKey", "SessionToken", "DisableRetries", "ConnectTimeout",
        "MaxConnectionsPerServer", "UserAgent",
        "Sts", "Sts:Enabled", "Sts:Endpoint", "Sts:AccountId", "Sts:RoleName", "Sts:UserId", "Sts:DurationSeconds", "Sts:RefreshBefore",
        "Proxy", "Proxy:Address", "Proxy:Username", "Proxy:Password", "Proxy:BypassOnLocal", "Proxy:BypassList",
        "Signing", "Signing:ExpirationSeconds", "Signing:HeadersToSign",
        "Resilience",
        "Resilience:RateLimiter", "Resilience:RateLimiter:Name", "Resilience:RateLimiter:DefaultRateLimiterOptions",
        "Resilience:RateLimiter:DefaultRateLimiterOptions:PermitLimit", "Resilience:RateLimiter:DefaultRateLimiterOptions:QueueLimit",
        "Resilience:RateLimiter:DefaultRateLimiterOptions:QueueProcessingOrder",
        "Resilience:TotalRequestTimeout", "Resilience:TotalRequestTimeout:Timeout", "Resilience:TotalRequestTimeout:Name",
        "Resilience:AttemptTimeout", "Resilience:AttemptTimeout:Timeout", "Resilience:AttemptTimeout:Name",
        "Resilience:Retry", "Resilience:Retry:MaxRetryAttempts", "Resilience:Retry:BackoffType", "Resilience:Retry:UseJitter",
        "Resilience:Retry:Delay", "Resilience:Retry:MaxDelay", "Resilience:Retry:ShouldRetryAfterHeader", "Resilience:Retry:Name",
        "Resilience:CircuitBreaker", "Resilience:CircuitBreaker:FailureRatio", "Resilience:CircuitBreaker:MinimumThroughput",
        "Resilience:CircuitBreaker:SamplingDuration", "Resilience:CircuitBreaker:BreakDuration", "Resilience:CircuitBreaker:Name",
    ];

    /// <summary>Keys holding lists: their children are indexes (<c>Proxy:BypassList:0</c>).</summary>
    private static readonly HashSet<string> s_lists = new(["Proxy:BypassList", "Signing:HeadersToSign"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_known = new(Known, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The names Baidu's Go, Java and Python SDKs give their settings, compared without case or underscores, with
    /// what to write instead.
    /// </summary>
    private static readonly Dictionary<string, string> s_foreign = new(StringComparer.OrdinalIgnoreCase)
    {
        // Java and Python time the connect with it, Go each whole attempt.
        ["ConnectionTimeoutInMillis"] = "use {0}ConnectTimeout for the connect (the Java and Python SDKs' meaning) or {0}Resilience:AttemptTimeout:Timeout for each whole attempt (the Go SDK's), as a TimeSpan such as 00:00:30",
        ["ConnectionTimeoutInMills"] = "use {0}ConnectTimeout for the connect (the Java and Python SDKs' meaning) or {0}Resilience:AttemptTimeout:Timeout for each whole attempt (the Go SDK's), as a TimeSpan such as 00:00:30",
        ["DialTimeout"] = "use {0}ConnectTimeout (a TimeSpan, e.g. 00:00:30)",
        ["SocketTimeoutInMillis"] = "use {0}Resilience:AttemptTimeout:Timeout (a TimeSpan, e.g. 00:00:10)",
        ["ReadTimeout"] = "use {0}Resilience:AttemptTimeout:Timeout (a TimeSpan, e.g. 00:00:10)",
        ["ResponseHeaderTimeout"] = "use {0}Resilience:AttemptTimeout:Timeout (a TimeSpan, e.g. 00:00:10)",
        ["HttpClientTimeout"] = "use {0}Resilience:TotalRequestTimeout:Timeout (a TimeSpan, e.g. 00:00:30)",
        ["ProxyUrl"] = "use {0}Proxy:Address",
        ["ProxyHost"] = "use {0}Proxy:Address (host:port)",
        ["ProxyPort"] = "use {0}Proxy:Address (host:port)",
        ["ProxyUsername"] = "use {0}Proxy:Username",
        ["ProxyPassword"] = "use {0}Proxy:Password",
        ["MaxConnections"] = "use {0}MaxConnectionsPerServer",
        ["MaxErrorRetry"] = "use {0}Resilience:Retry:MaxRetryAttempts, or {0}DisableRetries",
        ["Retry"] = "use {0}Resilience:Retry",
        ["SignOption"] = "use {0}Signing (ExpireSeconds is {0}Signing:ExpirationSeconds)",
        ["Signing:ExpireSeconds"] = "use {0}Signing:ExpirationSeconds",
        ["Credentials"] = "put the keys directly in the section: {0}AccessKeyId, {0}SecretAccessKey",
        ["Ak"] = "use {0}AccessKeyId",
        ["Sk"] = "use {0}SecretAccessKey",
        ["RedirectDisabled"] = "remove it: the client never follows redirects",
        ["NoVerifySsl"] = "remove it: certificates are always verified",
    };

    /// <summary>Adds one failure per unknown key under <paramref name="section"/>, named with <paramref name="keyPrefix"/>.</summary>
    /// <param name="section">The section a client binds.</param>
    /// <param name="keyPrefix">The section's path, to name keys by.</param>
    /// <param name="failures">Receives one line per unknown key.</param>
    /// <param name="alsoAllowed">
    /// Children of the section that are not the client's options but belong there (an integration's own switches,
    /// named sections); under the layout's root (<c>Bcc</c>) the named clients and shared defaults always are.
    /// </param>
    public static void Check(IConfiguration section, string keyPrefix, List<string> failures, IReadOnlyCollection<string>? alsoAllowed = null)
    {
        bool root = BccConfigurationLayout.IsRoot(section);
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if ((root && BccConfigurationLayout.Reserved.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                || (alsoAllowed?.Contains(child.Key, StringComparer.OrdinalIgnoreCase) ?? false))
            {
                continue;
            }

            Check(child, child.Key, keyPrefix, failures);
        }
    }

    /// <summary>Gets the candidate within a few edits of <paramref name="name"/> (case ignored), or null.</summary>
    public static string? NearestOf(string name, IEnumerable<string> candidates)
    {
        int allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        return candidates.Select(c => (Candidate: c, Distance: Distance(name, c))).Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).Select(c => c.Candidate).FirstOrDefault();
    }

    private static void Check(IConfigurationSection section, string relative, string keyPrefix, List<string> failures)
    {
        if (!s_known.Contains(relative))
        {
            failures.Add(Describe(relative, keyPrefix));
            return; // one line per unknown key, not one per key beneath it
        }

        if (s_lists.Contains(relative))
        {
            return;
        }

        foreach (IConfigurationSection child in section.GetChildren())
        {
            Check(child, relative + ":" + child.Key, keyPrefix, failures);
        }
    }

    private static string Describe(string relative, string keyPrefix)
    {
        string prefix = keyPrefix + ":";
        string unknown = prefix + relative;
        if (s_foreign.TryGetValue(relative.Replace("_", string.Empty, StringComparison.Ordinal), out string? instead))
        {
            return $"{unknown} is a Baidu SDK setting this client does not read; {string.Format(System.Globalization.CultureInfo.InvariantCulture, instead, prefix)}.";
        }

        return Nearest(relative) is { } nearest
            ? $"{unknown} is not a BCC client setting; did you mean {prefix}{nearest}?"
            : $"{unknown} is not a BCC client setting (docs/configuration.md lists them).";
    }

    /// <summary>
    /// The known key closest to <paramref name="relative"/>: a sibling within a few edits, else a key elsewhere whose
    /// last segment is (<c>ExpirationSeconds</c> -> <c>Signing:ExpirationSeconds</c>). Null when nothing is close.
    /// </summary>
    private static string? Nearest(string relative)
    {
        int split = relative.LastIndexOf(':');
        string parent = split < 0 ? string.Empty : relative[..split];
        string leaf = relative[(split + 1)..];
        int allowed = Math.Max(1, Math.Min(3, leaf.Length / 3));

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in Known)
        {
            int cut = candidate.LastIndexOf(':');
            string candidateParent = cut < 0 ? string.Empty : candidate[..cut];
            string candidateLeaf = candidate[(cut + 1)..];
            int distance = Distance(leaf, candidateLeaf);

            // Elsewhere in the tree only an exact leaf counts, and a sibling wins a tie.
            int score = string.Equals(parent, candidateParent, StringComparison.OrdinalIgnoreCase) ? distance * 2 : distance == 0 ? 1 : int.MaxValue;
            if (distance <= allowed && score < bestDistance)
            {
                best = candidate;
                bestDistance = score;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    private static int Distance(string a, string b)
    {
        Span<int> row = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
