using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BccExtensions.Tests.Helpers;

/// <summary>One request as a <see cref="RawHttpServer"/> received it.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A loopback HTTP/1.1 server that answers every request with raw bytes of the test's choosing (a redirect, a lie)
/// and records what reached it. One request per connection.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawRequest, string> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RawHttpServer(Func<RawRequest, string> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    /// <summary>A redirect to another location.</summary>
    public static string Redirect(int status, Uri location) =>
        $"HTTP/1.1 {status} Moved\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    public static string Json(string body) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                RawRequest? request = await ReadAsync(stream);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(_respond(request)), _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client went away; nothing to record.
            }
        }
    }

    private async Task<RawRequest?> ReadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(buffer)) < 0)
        {
            int read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        string[] lines = Encoding.Latin1.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        int length = headers.TryGetValue("Content-Length", out string? declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (buffer.Count < headerEnd + 4 + length)
        {
            int read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        string[] requestLine = lines[0].Split(' ');
        string body = Encoding.UTF8.GetString(buffer.Skip(headerEnd + 4).Take(length).ToArray());
        return new RawRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfBlankLine(List<byte> buffer)
    {
        for (int i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
