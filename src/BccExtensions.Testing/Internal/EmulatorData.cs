using System.Text.Json.Serialization;

namespace BccExtensions.Testing.Internal;

/// <summary>Everything the emulator remembers, as its data directory keeps it (<see cref="EmulatorStore"/>).</summary>
internal sealed class EmulatorData
{
    /// <summary>What <see cref="Format"/> says in every data file.</summary>
    public const string FormatName = "bcc-emulator-data";

    /// <summary>The layout this build writes and reads; a file of another version is refused, never guessed at.</summary>
    public const int CurrentVersion = 1;

    public string? Format { get; init; } = FormatName;

    public int Version { get; init; } = CurrentVersion;

    public List<EmulatedInstance> Instances { get; init; } = [];

    public List<EmulatedVolume> Volumes { get; init; } = [];

    public List<EmulatedSnapshot> Snapshots { get; init; } = [];

    public List<EmulatedImage> Images { get; init; } = [];

    public List<EmulatedSecurityGroup> SecurityGroups { get; init; } = [];

    public List<EmulatedKeypair> Keypairs { get; init; } = [];

    public List<EmulatedDeploySet> DeploySets { get; init; } = [];

    public List<EmulatedInstance> RecycleBin { get; init; } = [];

    public List<EmulatedRecord> Records { get; init; } = [];

    public int NextIp { get; init; }

    /// <summary>Gets the temporary keys STS issued that have not expired.</summary>
    public List<EmulatorKeys.Temporary> TemporaryKeys { get; init; } = [];

    /// <summary>Gets the remembered clientTokens, oldest first.</summary>
    public List<ClientTokenEntry> ClientTokens { get; init; } = [];

    /// <summary>A clientToken's first answer, with what was asked and when.</summary>
    internal sealed record ClientTokenEntry(string Token, DateTimeOffset At, string Fingerprint, EmulatorResponse Response);
}

/// <summary>The data file's JSON: indented, so a developer can read what the emulator kept.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmulatorData))]
internal sealed partial class EmulatorDataJsonContext : JsonSerializerContext;
