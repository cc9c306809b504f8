using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BccExtensions.Testing.Tests.Host;

/// <summary>The <c>bcc-emulator</c> command (tools/BccEmulator.Host) as a user meets it: strict arguments, one-line errors.</summary>
public sealed class BccEmulatorHostTests
{
    [Fact]
    public async Task UnknownArgument_IsRefusedWithTheUsage()
    {
        (int code, string output, string error) = await RunAsync("--prot", "9");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("bcc-emulator: Unknown argument '--prot'.", error, StringComparison.Ordinal);
        Assert.Contains("Usage: bcc-emulator", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--seed")]
    public async Task BadValue_IsRefusedNamingTheArgument(params string[] args)
    {
        (int code, _, string error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith($"bcc-emulator: {args[0]} takes a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_PrintsTheUsage()
    {
        (int code, string output, string error) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("--port <n>", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task PortInUse_EndsWithOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        (int code, _, string error) = await RunAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, code);
        Assert.Equal($"bcc-emulator: port {port} is already in use; choose another with --port (0 picks a free one).", error.Trim());
    }

    [Fact]
    public async Task Started_RefusesAnUnsignedRequestWithABceError()
    {
        using Process host = Start("--port", "0", "--seed", "1");
        try
        {
            string? line;
            do
            {
                line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            while (line is not null && !line.StartsWith("BCC emulator listening on ", StringComparison.Ordinal));

            Assert.NotNull(line);
            using var http = new HttpClient();
            using HttpResponseMessage answer = await http.GetAsync(new Uri(new Uri(line["BCC emulator listening on ".Length..]), "/v2/instance"));

            string body = await answer.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("\"code\"", body, StringComparison.Ordinal);
            Assert.Contains("\"requestId\"", body, StringComparison.Ordinal);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using Process host = Start(args);
        Task<string> output = host.StandardOutput.ReadToEndAsync();
        Task<string> error = host.StandardError.ReadToEndAsync();
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (host.ExitCode, await output, await error);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BccEmulator.Host.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
