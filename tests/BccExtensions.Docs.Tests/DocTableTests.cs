using System.Collections;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Docs.Tests;

/// <summary>The docs' tables that mirror code (options, log events, instruments) hold what the code holds.</summary>
public sealed partial class DocTableTests
{
    private static readonly string s_root = typeof(DocTableTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
    private static readonly Assembly s_library = typeof(IBccClient).Assembly;

    [Fact]
    public void Logging_EventTable_ListsEveryEventWithItsLevel()
    {
        string[] code = [.. s_library.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => $"{a.EventId} {(a.Level == LogLevel.None ? "per event" : a.Level)}") // None: the level is an argument
            .Order(StringComparer.Ordinal)];
        string[] documented = [.. Rows("docs/logging.md", "| id | level |").Where(r => int.TryParse(r[0], out _)).Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal)];

        Assert.True(code.Length >= 6, $"{code.Length} log events in the library");
        Assert.Equal(code, documented);
    }

    [Fact]
    public void Observability_InstrumentTable_ListsEveryInstrumentWithItsUnit()
    {
        Type instruments = s_library.GetType("BccExtensions.Internal.Http.BccInstruments", throwOnError: true)!;
        string[] code = [.. instruments.GetFields(BindingFlags.Static | BindingFlags.Public)
            .Select(f => f.GetValue(null))
            .OfType<Instrument>()
            .Select(i => $"`{i.Name}` `{i.Unit}`")
            .Order(StringComparer.Ordinal)];
        string[] documented = [.. Rows("docs/observability.md", "| instrument | unit |")
            .Select(r => $"{r[0][..(r[0].IndexOf('`', 1) + 1)]} {r[1]}")
            .Order(StringComparer.Ordinal)];

        Assert.Equal(4, code.Length);
        Assert.Equal(code, documented);
    }

    [Fact]
    public void Configuration_OptionsTable_ListsEveryOptionWithItsDefault()
    {
        var code = Leaves(new BccOptions(), "Bcc").Where(l => !l.Key.StartsWith("Bcc:Resilience", StringComparison.Ordinal)).ToDictionary(l => l.Key, l => l.Value);
        var documented = Rows("docs/configuration.md", "| key | default |")
            .Where(r => r[0].StartsWith("`Bcc:", StringComparison.Ordinal) && !r[0].StartsWith("`Bcc:Resilience", StringComparison.Ordinal))
            .SelectMany(r => KeyCells().Matches(r[0]).Select(m => (Key: m.Groups[1].Value, Default: r[1])))
            .ToList();

        Assert.Equal(code.Keys.Order(StringComparer.Ordinal), documented.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(documented.Where(d => code[d.Key] is not null && DefaultCell().Match(d.Default) is { Success: true }), d =>
            Assert.True(Same(DefaultCell().Match(d.Default).Groups[1].Value, code[d.Key]!), $"{d.Key}: the table says {d.Default}, BccOptions says {code[d.Key]}"));
    }

    [Fact]
    public void Configuration_ResilienceRows_NameRealSettingsWithTheirDefaults()
    {
        var code = Leaves(new BccOptions(), "Bcc").Where(l => l.Key.StartsWith("Bcc:Resilience:", StringComparison.Ordinal)).ToDictionary(l => l.Key, l => l.Value);
        var documented = Rows("docs/configuration.md", "| key | default |").Where(r => r[0].StartsWith("`Bcc:Resilience:", StringComparison.Ordinal) && !r[0].EndsWith("*`", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(documented);
        Assert.All(documented, r =>
        {
            string key = KeyCells().Match(r[0]).Groups[1].Value;
            Assert.True(code.TryGetValue(key, out string? value), $"{key} is not a setting");
            Assert.True(Same(DefaultCell().Match(r[1]).Groups[1].Value, value!), $"{key}: the table says {r[1]}, the options say {value}");
        });
    }

    // Scalar settings by configuration key, with their defaults written as the docs write them.
    private static IEnumerable<KeyValuePair<string, string?>> Leaves(object options, string prefix)
    {
        foreach (PropertyInfo property in options.GetType().GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            string key = prefix + ":" + property.Name;
            object? value = property.GetValue(options);
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type) && !type.IsAbstract && value is not null && !typeof(Delegate).IsAssignableFrom(type))
            {
                foreach (KeyValuePair<string, string?> leaf in Leaves(value, key))
                {
                    yield return leaf;
                }
            }
            else if (!typeof(Delegate).IsAssignableFrom(type) && type != typeof(TimeProvider))
            {
                yield return new(key, value switch
                {
                    null => null,
                    bool flag => flag ? "true" : "false",
                    TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
                    IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object>()) + "]",
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            }
        }
    }

    // 00:00:00.300 is 00:00:00.3000000, and https://host is https://host/.
    private static bool Same(string documented, string value) =>
        documented == value
        || (TimeSpan.TryParse(documented, CultureInfo.InvariantCulture, out TimeSpan a) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan b) && a == b)
        || (Uri.TryCreate(documented, UriKind.Absolute, out Uri? x) && Uri.TryCreate(value, UriKind.Absolute, out Uri? y) && x == y);

    // The body rows of the table whose header line starts with the given text.
    private static IEnumerable<string[]> Rows(string file, string header) =>
        File.ReadLines(Path.Combine(s_root, file))
            .SkipWhile(line => !line.StartsWith(header, StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray());

    [GeneratedRegex(@"`(Bcc:[A-Za-z:]+)`")]
    private static partial Regex KeyCells();

    // A default written as one code span, alone or before " = …" or " (…)".
    [GeneratedRegex(@"^`([^`]*)`(?:$| =| \()")]
    private static partial Regex DefaultCell();
}
