using System.Text.Json;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// The data directory of a persistent emulator (<see cref="BccEmulatorOptions.DataDirectory"/>). Every change is
/// written before its answer leaves: the whole state goes to a temporary file, flushed to disk, which then replaces
/// <c>state.json</c> in one rename. A process killed at any moment leaves the previous file or the new one, never half
/// of one, so at most the request in flight is lost. A lock file keeps a second emulator out of the same directory.
/// </summary>
internal sealed class EmulatorStore : IDisposable
{
    private const string StateFileName = "state.json";
    private const string LockFileName = "bcc-emulator.lock";

    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _lock;

    private EmulatorStore(string path, FileStream lockFile)
    {
        _path = path;
        _temporaryPath = path + ".tmp";
        _lock = lockFile;
    }

    /// <summary>Opens a data directory, creating it when it does not exist, and reads what it keeps.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="data">The kept state, or <see langword="null"/> for a new directory.</param>
    /// <exception cref="InvalidDataException">The state file is damaged or of another version; the message names it.</exception>
    /// <exception cref="IOException">The directory cannot be created, or another emulator uses it.</exception>
    public static EmulatorStore Open(string directory, out EmulatorData? data)
    {
        string full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new IOException($"The data directory {full} is in use by another emulator ({LockFileName} is locked).", exception);
        }

        var store = new EmulatorStore(Path.Combine(full, StateFileName), lockFile);
        try
        {
            data = store.Read();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Writes the whole state; when this returns, a restart reads it.</summary>
    public void Save(EmulatorData data)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(data, EmulatorDataJsonContext.Default.EmulatorData);
        using (var file = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(json);
            file.Flush(flushToDisk: true);
        }

        File.Move(_temporaryPath, _path, overwrite: true);
    }

    public void Dispose() => _lock.Dispose();

    private EmulatorData? Read()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        EmulatorData? data;
        try
        {
            data = JsonSerializer.Deserialize(File.ReadAllBytes(_path), EmulatorDataJsonContext.Default.EmulatorData);
        }
        catch (JsonException exception)
        {
            throw Unreadable($"it is not the emulator's JSON ({exception.Message})", exception);
        }

        if (data is null || data.Format != EmulatorData.FormatName)
        {
            throw Unreadable($"it does not say \"format\": \"{EmulatorData.FormatName}\"");
        }

        return data.Version == EmulatorData.CurrentVersion
            ? data
            : throw Unreadable($"it has layout version {data.Version}; this emulator reads version {EmulatorData.CurrentVersion}");
    }

    private InvalidDataException Unreadable(string why, Exception? inner = null) =>
        new($"The emulator cannot start from its data file {_path}: {why}. Nothing was changed; move the file away to start empty, or point the emulator at another directory.", inner);
}
