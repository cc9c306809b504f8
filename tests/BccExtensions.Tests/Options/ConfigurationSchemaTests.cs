using System.Text.Json;
using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;
using Json.Schema;

namespace BccExtensions.Tests.Options;

/// <summary>
/// The appsettings schemas the packages ship (src/BccExtensions/ConfigurationSchema.json,
/// src/BccExtensions.Aspire/ConfigurationSchema.json) are current, and they accept and refuse what the client does.
/// </summary>
public sealed class ConfigurationSchemaTests
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Packages => new(["BccExtensions", "BccExtensions.Aspire"]);

    [Theory]
    [MemberData(nameof(Packages))]
    public void Schema_InThePackageIsCurrent(string package)
    {
        CheckedInFile.AssertCurrent($"src/{package}/ConfigurationSchema.json", Render(package), nameof(ConfigurationSchemaTests));
    }

    [Fact]
    public void CoreSchema_AcceptsTheLayout()
    {
        Assert.Empty(Problems("BccExtensions", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Bcc": {
                "Region": "bj",
                "ConnectTimeout": "00:00:05",
                "MaxConnectionsPerServer": 64,
                "Sts": { "Enabled": true, "RefreshBefore": "00:05:00" },
                "Proxy": { "Address": "http://proxy:3128", "BypassList": [ "localhost" ] },
                "Resilience": { "Retry": { "MaxRetryAttempts": 5, "BackoffType": "Exponential" }, "CircuitBreaker": { "FailureRatio": 0.2 } },
                "Defaults": { "AccessKeyId": "ak", "SecretAccessKey": "sk" },
                "Clients": { "gz": { "Region": "gz", "Endpoint": "bcc.gz.baidubce.com" } }
              }
            }
            """));
    }

    [Theory]
    [InlineData("""{ "Bcc": { "MaxConnectionsPerServer": "many" } }""", "/Bcc/MaxConnectionsPerServer")]
    [InlineData("""{ "Bcc": { "ConnectTimeout": "five seconds" } }""", "/Bcc/ConnectTimeout")]
    [InlineData("""{ "Bcc": { "Resilience": { "Retry": { "BackoffType": "Fibonacci" } } } }""", "/Bcc/Resilience/Retry/BackoffType")]
    [InlineData("""{ "Bcc": { "Sts": { "Enable": true } } }""", "/Bcc/Sts/Enable")]
    [InlineData("""{ "Bcc": { "Clients": { "gz": { "Regoin": "gz" } } } }""", "/Bcc/Clients/gz/Regoin")]
    public void CoreSchema_RefusesWrongTypesAndMisspelledKeys(string settings, string where)
    {
        Assert.Contains(where, Problems("BccExtensions", settings));
    }

    [Fact]
    public void AspireSchema_AcceptsSettingsNamedSectionsAndConnectionStrings()
    {
        Assert.Empty(Problems("BccExtensions.Aspire", """
            {
              "ConnectionStrings": { "bcc": "Endpoint=http://localhost:8080;AccessKeyId=ak;SecretAccessKey=sk" },
              "Aspire": { "Baidu": { "Bcc": { "DisableTracing": true, "Region": "gz", "bcc": { "DisableHealthChecks": true, "ConnectTimeout": "00:00:05" } } } }
            }
            """));
    }

    [Theory]
    [InlineData("""{ "Aspire": { "Baidu": { "Bcc": { "DisableTracing": "yes" } } } }""", "/Aspire/Baidu/Bcc/DisableTracing")]
    [InlineData("""{ "Aspire": { "Baidu": { "Bcc": { "Regoin": "gz" } } } }""", "/Aspire/Baidu/Bcc/Regoin")]
    [InlineData("""{ "Aspire": { "Baidu": { "Bcc": { "bcc": { "Sts": { "Enable": true } } } } } }""", "/Aspire/Baidu/Bcc/bcc/Sts/Enable")]
    public void AspireSchema_RefusesWrongTypesAndMisspelledKeys(string settings, string where)
    {
        Assert.Contains(where, Problems("BccExtensions.Aspire", settings));
    }

    [Fact]
    public void Schema_WarnsAgainstSecretsInAppsettings()
    {
        JsonNode properties = ConfigurationSchema.Core()["properties"]!["Bcc"]!["properties"]!;

        Assert.All(
            new[] { properties["AccessKeyId"], properties["SecretAccessKey"], properties["SessionToken"], properties["Proxy"]!["properties"]!["Password"] },
            p => Assert.EndsWith("use user secrets or an environment variable.", p!["description"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    private static string Render(string package) =>
        JsonSerializer.Serialize(package == "BccExtensions" ? ConfigurationSchema.Core() : ConfigurationSchema.Aspire(), s_indented).ReplaceLineEndings("\n") + "\n";

    /// <summary>Where the settings break the schema, as JSON pointers into the settings.</summary>
    private static List<string> Problems(string package, string settings)
    {
        JsonSchema schema = JsonSchema.FromText(Render(package));
        EvaluationResults results = schema.Evaluate(JsonDocument.Parse(settings).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : [.. (results.Details ?? []).Where(d => !d.IsValid && d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation.ToString()).Distinct()];
    }
}
