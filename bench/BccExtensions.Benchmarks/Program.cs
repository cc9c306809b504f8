using BccExtensions.Benchmarks;
using BenchmarkDotNet.Running;

// `serve <port>`, `load <raw|resilient|bcc> <endpoint|stub> <concurrency> <seconds>` and `first <raw|resilient|bcc> <endpoint>`
// are the parts of the side-by-side run with Baidu's Go SDK (bench/GoThroughput/run.sh); anything else goes to
// BenchmarkDotNet.
return args switch
{
    ["serve", var port] => await Throughput.ServeAsync(Number(port)),
    ["load", var kind, var endpoint, var concurrency, var seconds] => await Throughput.LoadAsync(Kind(kind), endpoint, Number(concurrency), Number(seconds)),
    ["first", var kind, var endpoint] => await Throughput.FirstAsync(Kind(kind), new Uri(endpoint)),
    _ => Run(args),
};

static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

static Throughput.Kind Kind(string text) => Enum.Parse<Throughput.Kind>(text, ignoreCase: true);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
