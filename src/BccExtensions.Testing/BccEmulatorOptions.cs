namespace BccExtensions.Testing;

/// <summary>Configures a <see cref="BccEmulator"/>: the keys it accepts, its clock and port, how long transitions take, and how much it remembers.</summary>
public sealed class BccEmulatorOptions
{
    /// <summary>The access key id the emulator accepts unless told otherwise.</summary>
    public const string DefaultAccessKeyId = "BCCEMULATORAK00000000000000000001";

    /// <summary>The secret access key that goes with <see cref="DefaultAccessKeyId"/>.</summary>
    public const string DefaultSecretAccessKey = "bccemulatorsk0000000000000000001";

    /// <summary>Gets or sets the clock of every time-dependent behaviour: signature expiry, state transitions, STS expiry, latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the long-term access key id accepted.</summary>
    public string AccessKeyId { get; set; } = DefaultAccessKeyId;

    /// <summary>Gets or sets its secret access key (at least 16 characters: BCC encrypts passwords with the first 16).</summary>
    public string SecretAccessKey { get; set; } = DefaultSecretAccessKey;

    /// <summary>Gets more long-term key pairs accepted (access key id → secret access key).</summary>
    public IDictionary<string, string> AdditionalKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets how long transitional states (Starting, Stopping, Scaling, …) last on <see cref="TimeProvider"/>. Defaults to 5 seconds.</summary>
    public TimeSpan TransitionDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how far in the future a signature timestamp may be before it is refused. Defaults to 15 minutes.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Gets or sets how many requests <see cref="BccEmulator.Journal"/> keeps, newest last; older ones are forgotten,
    /// so a long-running emulator's memory stays bounded. 0 keeps none. Defaults to 1,000.
    /// </summary>
    public int JournalCapacity { get; set; } = 1000;

    /// <summary>
    /// Gets or sets a directory that keeps the emulator's state across restarts, as Azurite's <c>--location</c> does:
    /// resources, STS-issued keys and clientTokens. Each change is on disk before its answer is sent, so a process
    /// killed at any moment loses at most the request in flight. A damaged file, or one of another layout version,
    /// stops <see cref="BccEmulator.StartAsync"/> with an <see cref="InvalidDataException"/> naming it; the directory is
    /// never silently reset. <see langword="null"/> (the default) keeps everything in memory.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Gets or sets how long a clientToken's first answer is remembered (and replayed for a retry of the same
    /// request). Defaults to 24 hours on <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
