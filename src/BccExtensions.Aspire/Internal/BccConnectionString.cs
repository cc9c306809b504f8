using BccExtensions.Internal.Validation;

namespace BccExtensions.Aspire.Internal;

/// <summary>
/// A BCC connection string: an http(s) URI, which is the endpoint, or <c>Key=Value</c> pairs separated by <c>;</c> with
/// the keys <c>Endpoint</c>, <c>Region</c>, <c>AccessKeyId</c>, <c>SecretAccessKey</c> and <c>SessionToken</c> in any
/// case. Problems name the key, never a value, so no secret is echoed.
/// </summary>
internal sealed class BccConnectionString
{
    private static readonly string[] s_keys = ["Endpoint", "Region", "AccessKeyId", "SecretAccessKey", "SessionToken"];

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets what is wrong with the text, one line each.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Reads a connection string; <paramref name="where"/> names it in failures (<c>ConnectionStrings:bcc</c>).</summary>
    public static BccConnectionString Parse(string? text, string where)
    {
        var result = new BccConnectionString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        string trimmed = text.Trim();
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            result._values["Endpoint"] = trimmed;
            return result;
        }

        // Values run to the next ';' (a session token may hold '='); AK/SK and tokens never hold ';'.
        foreach (string part in trimmed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                result.Failures.Add($"{where} is neither an http(s) URI nor Key=Value pairs separated by ';' ({string.Join(", ", s_keys)}).");
                return result;
            }

            string key = part[..equals].Trim();
            string? known = s_keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                result.Failures.Add(BccConfigurationKeys.NearestOf(key, s_keys) is { } nearest
                    ? $"{where} has the unknown key '{key}'; did you mean {nearest}?"
                    : $"{where} has the unknown key '{key}' (known: {string.Join(", ", s_keys)}).");
                continue;
            }

            result._values[known] = part[(equals + 1)..].Trim();
        }

        return result;
    }

    /// <summary>Sets the options the connection string gives; the others keep what configuration set.</summary>
    public void ApplyTo(BccOptions options)
    {
        if (_values.TryGetValue("Endpoint", out string? endpoint))
        {
            options.Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute);
        }

        if (_values.TryGetValue("Region", out string? region))
        {
            options.Region = region;
        }

        if (_values.TryGetValue("AccessKeyId", out string? accessKeyId))
        {
            options.AccessKeyId = accessKeyId;
        }

        if (_values.TryGetValue("SecretAccessKey", out string? secretAccessKey))
        {
            options.SecretAccessKey = secretAccessKey;
        }

        if (_values.TryGetValue("SessionToken", out string? sessionToken))
        {
            options.SessionToken = sessionToken;
        }
    }
}
