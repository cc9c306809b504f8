using BccExtensions.Benchmarks;
using BenchmarkDotNet.Running;

// `serve <port>` and `load <endpoint> <concurrency> <seconds>` are the halves of the side-by-side run with Baidu's
// Go SDK (bench/GoThroughput/run.sh); anything else goes to BenchmarkDotNet.
return args switch
{
    ["serve", var port] => await Throughput.ServeAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)),
    ["load", var endpoint, var concurrency, var seconds] => await Throughput.LoadAsync(
        new Uri(endpoint), int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
