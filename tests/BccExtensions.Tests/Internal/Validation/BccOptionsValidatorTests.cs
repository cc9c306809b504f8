using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.Internal.Validation;

public class BccOptionsValidatorTests
{
    private const string Secret = "SKEXAMPLE0123456789abcdefSKEXAMPLE";

    [Fact]
    public void Validate_MissingKeys_NamesTheConfigurationKeys()
    {
        OptionsValidationException error = Resolve(new() { ["Bcc:Region"] = "bj" });

        Assert.Contains("Bcc:AccessKeyId is required.", error.Failures);
        Assert.Contains("Bcc:SecretAccessKey is required.", error.Failures);
    }

    [Fact]
    public void Validate_SessionTokenWithSts_RefusesTheContradiction()
    {
        OptionsValidationException error = Resolve(new() { ["Bcc:Region"] = "bj", ["Bcc:AccessKeyId"] = "ak", ["Bcc:SecretAccessKey"] = Secret, ["Bcc:SessionToken"] = "token", ["Bcc:Sts:Enabled"] = "true" });

        Assert.Equal(["Bcc:SessionToken and Bcc:Sts:Enabled contradict each other: STS issues the session token; remove one."], error.Failures);
    }

    [Fact]
    public async Task HostStart_InvalidOptions_ReportedOncePlainly()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bcc:Region"] = "bj" });
        builder.Services.AddBccClient(builder.Configuration.GetSection("Bcc"));
        using IHost host = builder.Build();

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        // Not an AggregateException repeating it once per HttpClient's resilience options.
        OptionsValidationException refused = Assert.IsType<OptionsValidationException>(error);
        Assert.Equal(["Bcc:AccessKeyId is required.", "Bcc:SecretAccessKey is required."], refused.Failures);
    }

    [Fact]
    public void Validate_NestedSection_UsesTheFullPath()
    {
        OptionsValidationException error = Resolve(new() { ["Clouds:Baidu:AccessKeyId"] = "ak" }, "Clouds:Baidu");

        Assert.Contains("Clouds:Baidu:SecretAccessKey is required.", error.Failures);
    }

    [Theory]
    [InlineData("Bcc:Region", "mars", "Bcc:Region 'mars' is not a known BCC region")]
    [InlineData("Bcc:Endpoint", "/v2/instance", "Bcc:Endpoint must be an absolute http or https URI, or a host name")]
    [InlineData("Bcc:Endpoint", "ftp://bcc.bj.baidubce.com", "Bcc:Endpoint must use the http or https scheme")]
    [InlineData("Bcc:Endpoint", "https://bcc.bj.baidubce.com/v2", "Bcc:Endpoint must be a scheme, host and optional port only")]
    [InlineData("Bcc:ConnectTimeout", "-00:00:01", "Bcc:ConnectTimeout must be positive.")]
    [InlineData("Bcc:Signing:ExpirationSeconds", "0", "Bcc:Signing:ExpirationSeconds must be positive.")]
    [InlineData("Bcc:Proxy:Address", "ftp://proxy", "Bcc:Proxy:Address must be an http(s) URI or host:port.")]
    [InlineData("Bcc:Sts:RoleName", "ops", "Bcc:Sts:AccountId and Bcc:Sts:RoleName must be set together (AssumeRole).")]
    [InlineData("Bcc:Resilience:Retry:MaxRetryAttempts", "0", "Bcc:Resilience:Retry:MaxRetryAttempts must be at least 1; set Bcc:DisableRetries")]
    [InlineData("Bcc:Resilience:AttemptTimeout:Timeout", "00:01:00", "Bcc:Resilience:AttemptTimeout:Timeout must not exceed Bcc:Resilience:TotalRequestTimeout:Timeout.")]
    [InlineData("Bcc:Resilience:CircuitBreaker:SamplingDuration", "00:00:05", "Bcc:Resilience:CircuitBreaker:SamplingDuration must be at least twice")]
    [InlineData("Bcc:Resilience:RateLimiter:DefaultRateLimiterOptions:PermitLimit", "0", "Bcc:Resilience:RateLimiter:DefaultRateLimiterOptions:PermitLimit must be at least 1")]
    public void Validate_BadValue_FailsWithTheKeyAndNeverTheSecret(string key, string value, string expected)
    {
        OptionsValidationException error = Resolve(new()
        {
            ["Bcc:AccessKeyId"] = "ak",
            ["Bcc:SecretAccessKey"] = Secret,
            ["Bcc:Sts:Enabled"] = "true",
            [key] = value,
        });

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bcc:Resilience:CircuitBreaker:FailureRatio", "2", "FailureRatio")]
    [InlineData("Bcc:Resilience:CircuitBreaker:MinimumThroughput", "1", "MinimumThroughput")]
    public void Validate_ResilienceOutOfRange_ReportedOnceWithTheOtherProblems(string key, string value, string member)
    {
        OptionsValidationException error = Resolve(new() { ["Bcc:AccessKeyId"] = "ak", [key] = value });

        Assert.Contains("Bcc:SecretAccessKey is required.", error.Failures);
        Assert.Single(error.Failures, f => f.StartsWith("Bcc:Resilience: ", StringComparison.Ordinal) && f.Contains(member, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bcc.bj.baidubce.com", "https://bcc.bj.baidubce.com/")]
    [InlineData("127.0.0.1:8080", "https://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    public void Resolve_EndpointForms_AreAccepted(string configured, string expected)
    {
        var services = new ServiceCollection();
        services.AddBccClient(Section(new() { ["Bcc:AccessKeyId"] = "ak", ["Bcc:SecretAccessKey"] = Secret, ["Bcc:Endpoint"] = configured }, "Bcc"));
        using ServiceProvider provider = services.BuildServiceProvider();

        BccOptions options = provider.GetRequiredService<IOptions<BccOptions>>().Value;

        Assert.Equal(new Uri(expected), BccEndpoints.Resolve(options));
    }

    [Fact]
    public void Resolve_RegionOnly_UsesTheRegionalHttpsEndpoint()
    {
        Assert.Equal(new Uri("https://bcc.gz.baidubce.com"), BccEndpoints.ForRegion("gz"));
        Assert.Throws<ArgumentException>(() => BccEndpoints.ForRegion("mars"));
    }

    private static OptionsValidationException Resolve(Dictionary<string, string?> values, string section = "Bcc")
    {
        var services = new ServiceCollection();
        services.AddBccClient(Section(values, section));
        using ServiceProvider provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<BccOptions>>().Get(string.Empty));
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values, string section) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(section);
}
