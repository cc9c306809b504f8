using System.Globalization;

namespace BccExtensions.Testing.Host;

/// <summary>The command line of <c>bcc-emulator</c>: parsed strictly, so a typo is refused instead of ignored.</summary>
internal sealed record HostArguments(int Port, int Seed, int Journal, string? Data, bool Help)
{
    public const string Usage = """
        Usage: bcc-emulator [--port <n>] [--seed <n>] [--journal <n>] [--data <dir>]

        Runs a local BCC-compatible server (BccEmulator) until Ctrl+C. Point any bce-auth-v1 client at it: Baidu's Go,
        Java and Python SDKs, the bce CLI, or BccExtensions. It prints its endpoint and the keys it accepts.

          --port <n>     TCP port on 127.0.0.1 (default 8080; 0 picks a free one)
          --seed <n>     instances to create at start (default 0)
          --journal <n>  requests to remember for inspection (default 0)
          --data <dir>   keep resources, STS keys and clientTokens in <dir> across restarts (default: in memory);
                         --seed then adds instances only when it kept none
          -h, --help     show this help
        """;

    /// <summary>Parses the arguments, or explains in one line what is wrong with them.</summary>
    public static HostArguments Parse(IReadOnlyList<string> args, out string? error)
    {
        int port = 8080, seed = 0, journal = 0;
        string? data = null;
        error = null;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                return new HostArguments(port, seed, journal, data, Help: true);
            }

            if (name is not ("--port" or "--seed" or "--journal" or "--data"))
            {
                error = $"Unknown argument '{name}'.";
                return new HostArguments(port, seed, journal, data, Help: false);
            }

            if (name == "--data")
            {
                if (i + 1 == args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    error = "--data takes a directory.";
                    return new HostArguments(port, seed, journal, data, Help: false);
                }

                data = args[++i];
                continue;
            }

            if (i + 1 == args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                || (name == "--port" && value > 65535))
            {
                error = $"{name} takes a number{(name == "--port" ? " from 0 to 65535" : string.Empty)}.";
                return new HostArguments(port, seed, journal, data, Help: false);
            }

            i++;
            _ = name switch
            {
                "--port" => port = value,
                "--seed" => seed = value,
                _ => journal = value,
            };
        }

        return new HostArguments(port, seed, journal, data, Help: false);
    }
}
