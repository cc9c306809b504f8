using BccExtensions.Internal.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BccExtensions.Aspire.Internal;

/// <summary>
/// Refuses at start what the Aspire sections and the connection string of one client get wrong: keys that bind to
/// nothing under <c>Aspire:Baidu:Bcc:{name}</c> and, for the first client only, <c>Aspire:Baidu:Bcc</c> (the
/// integration's switches and the clients' sections are allowed), and connection string problems.
/// </summary>
internal sealed class AspireBccValidator(
    string registration,
    IConfigurationSection? baseSection,
    IConfigurationSection namedSection,
    IReadOnlyList<string> connectionFailures,
    IReadOnlyCollection<string> connectionNames) : IValidateOptions<BccOptions>
{
    private static readonly string[] s_settings = typeof(BccClientSettings).GetProperties().Select(p => p.Name).ToArray();

    public ValidateOptionsResult Validate(string? name, BccOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, registration, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>(connectionFailures);
        if (baseSection is not null)
        {
            BccConfigurationKeys.Check(baseSection, baseSection.Path, failures, [.. s_settings, .. connectionNames]);
        }

        BccConfigurationKeys.Check(namedSection, namedSection.Path, failures, s_settings);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
