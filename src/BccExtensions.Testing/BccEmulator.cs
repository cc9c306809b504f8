using System.Net;
using BccExtensions.Models;
using BccExtensions.Testing.Internal;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BccExtensions.Testing;

/// <summary>
/// A local BCC-compatible server on loopback. It verifies bce-auth-v1 signatures like Baidu's gateway, keeps
/// instance state with BCC's rules, issues STS credentials, deduplicates clientTokens and injects scripted faults,
/// so code using any bce-auth-v1 client (this library or Baidu's SDKs) can be tested without a cloud account.
/// </summary>
public sealed class BccEmulator : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly BccEmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly EmulatorJournal _journal;
    private readonly EmulatorHandler _handler;

    private BccEmulator(KestrelServer server, BccEmulatorOptions options, EmulatorStore? store, EmulatorData? kept)
    {
        _server = server;
        _options = options;
        var keys = new EmulatorKeys(options);
        _state = new EmulatorState(options, keys) { Store = store };
        if (kept is not null)
        {
            _state.Restore(kept);
        }

        _journal = new EmulatorJournal(options.JournalCapacity);
        _handler = new EmulatorHandler(options, Faults, new EmulatorAuthenticator(keys, options), _journal, Activity, new EmulatorDispatcher(_state, options), () => Now);
    }

    /// <summary>Gets the endpoint to point clients at, e.g. <c>http://127.0.0.1:49731</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets the long-term access key id the emulator accepts.</summary>
    public string AccessKeyId => _options.AccessKeyId;

    /// <summary>Gets the secret access key that goes with <see cref="AccessKeyId"/>.</summary>
    public string SecretAccessKey => _options.SecretAccessKey;

    /// <summary>Gets the fault injection controls.</summary>
    public BccEmulatorFaults Faults { get; } = new();

    /// <summary>Gets the emulator's current time: its time provider plus <see cref="BccEmulatorFaults.ClockOffset"/>.</summary>
    public DateTimeOffset Now => _options.TimeProvider.GetUtcNow() + Faults.ClockOffset;

    /// <summary>Gets a snapshot of the last <see cref="BccEmulatorOptions.JournalCapacity"/> requests received, oldest first.</summary>
    public IReadOnlyList<BccEmulatorRequest> Journal => _journal.Snapshot();

    /// <summary>
    /// Gets what the emulator is handling right now: the seam for a test that drives one fake clock for client and
    /// emulator (docs/testing.md).
    /// </summary>
    public BccEmulatorActivity Activity { get; } = new();

    /// <summary>Gets the ids of the instances that exist now, in creation order.</summary>
    public IReadOnlyList<string> InstanceIds
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Instances.Select(i => i.Id)];
            }
        }
    }

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">Keys, clock, port and transition delay; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="InvalidDataException">The data file of <see cref="BccEmulatorOptions.DataDirectory"/> is damaged or of another layout version.</exception>
    /// <exception cref="IOException">The data directory cannot be created, or another emulator uses it.</exception>
    public static async Task<BccEmulator> StartAsync(BccEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BccEmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccessKeyId, nameof(options));
        if (options.SecretAccessKey is not { Length: >= 16 })
        {
            throw new ArgumentException("The emulator's secret access key needs at least 16 characters (BCC encrypts passwords with them).", nameof(options));
        }

        EmulatorData? kept = null;
        EmulatorStore? store = options.DataDirectory is { } directory ? EmulatorStore.Open(directory, out kept) : null;

        // A bare Kestrel server rather than a host: test hosts such as WebApplicationFactory capture the first
        // host built in the process, and the emulator must never be mistaken for the application under test.
        var kestrel = new KestrelServerOptions { AddServerHeader = false };
        kestrel.Listen(IPAddress.Loopback, options.Port);
        var server = new KestrelServer(
            Options.Create(kestrel),
            new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance),
            NullLoggerFactory.Instance);
        var emulator = new BccEmulator(server, options, store, kept);
        try
        {
            await server.StartAsync(new EmulatorApplication(emulator._handler.HandleAsync), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            store?.Dispose();
            server.Dispose();
            throw;
        }

        string address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.Endpoint = new Uri(address);
        return emulator;
    }

    /// <summary>Adds an instance directly (no request, no signature), e.g. to seed a demo or a test.</summary>
    /// <param name="name">The instance name.</param>
    /// <param name="spec">A known spec, e.g. <c>bcc.g5.c2m8</c>.</param>
    /// <param name="zoneName">A zone, e.g. <c>cn-bj-a</c>.</param>
    /// <param name="status">The status it starts in (no transition pending).</param>
    /// <returns>The new instance id.</returns>
    public string SeedInstance(string name, string spec = "bcc.g5.c2m8", string zoneName = "cn-bj-a", InstanceStatus? status = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_state.Gate)
        {
            if (!_state.Specs.ContainsKey(spec))
            {
                throw new ArgumentException($"Unknown spec '{spec}'.", nameof(spec));
            }

            EmulatedInstance instance = _state.NewInstance(name, spec, zoneName, "m-ubuntu2204", "Postpaid", Now);
            string target = (status ?? InstanceStatus.Running).Value;
            instance.Transition(target, target, Now, TimeSpan.Zero);
            _state.Instances.Add(instance);
            _state.Persist(Now);
            return instance.Id;
        }
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearJournal() => _journal.Clear();

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
        _state.Store?.Dispose();
    }
}
