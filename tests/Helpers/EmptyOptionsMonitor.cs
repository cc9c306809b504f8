using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BccExtensions.Tests.Helpers;

/// <summary>An options monitor with nothing configured, for internal types that cache values per options instance.</summary>
public static class EmptyOptionsMonitor
{
    public static IOptionsMonitor<BccOptions> Create() =>
        new ServiceCollection().AddOptions().BuildServiceProvider().GetRequiredService<IOptionsMonitor<BccOptions>>();
}
