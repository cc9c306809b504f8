using System.Security.Cryptography;

namespace BccExtensions.Testing.Internal;

/// <summary>The long-term keys the emulator accepts and the temporary ones its STS issued.</summary>
internal sealed class EmulatorKeys
{
    private readonly Dictionary<string, string> _longTerm;
    private readonly Dictionary<string, Temporary> _temporary = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public EmulatorKeys(BccEmulatorOptions options)
    {
        _longTerm = new Dictionary<string, string>(options.AdditionalKeys, StringComparer.Ordinal)
        {
            [options.AccessKeyId] = options.SecretAccessKey,
        };
    }

    public bool TryGetLongTerm(string accessKeyId, out string secretAccessKey) => _longTerm.TryGetValue(accessKeyId, out secretAccessKey!);

    public bool TryGetTemporary(string accessKeyId, out Temporary temporary)
    {
        lock (_gate)
        {
            return _temporary.TryGetValue(accessKeyId, out temporary!);
        }
    }

    public Temporary Issue(DateTimeOffset now, DateTimeOffset expiration)
    {
        var issued = new Temporary(
            "tmp-" + RandomNumberGenerator.GetHexString(24, lowercase: true),
            RandomNumberGenerator.GetHexString(32, lowercase: true),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            expiration);
        lock (_gate)
        {
            // Expired keys are refused anyway; forgetting them keeps a long-running emulator's memory bounded.
            foreach (string expired in _temporary.Values.Where(t => t.Expiration <= now).Select(t => t.AccessKeyId).ToList())
            {
                _temporary.Remove(expired);
            }

            _temporary[issued.AccessKeyId] = issued;
        }

        return issued;
    }

    /// <summary>Gets the temporary keys that have not expired, for the data directory.</summary>
    public List<Temporary> Unexpired(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _temporary.Values.Where(t => t.Expiration > now)];
        }
    }

    /// <summary>Accepts temporary keys issued before a restart.</summary>
    public void Restore(IEnumerable<Temporary> issued)
    {
        lock (_gate)
        {
            foreach (Temporary temporary in issued)
            {
                _temporary[temporary.AccessKeyId] = temporary;
            }
        }
    }

    internal sealed record Temporary(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);
}
