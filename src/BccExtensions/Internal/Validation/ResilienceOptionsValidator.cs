using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace BccExtensions.Internal.Validation;

/// <summary>
/// The ranges Microsoft.Extensions.Http.Resilience declares on the standard resilience options (attempts, durations,
/// ratios, permits), source-generated as that package generates its own, so that <see cref="BccOptionsValidator"/>
/// reports them at start with every other problem.
/// </summary>
[OptionsValidator]
internal sealed partial class ResilienceOptionsValidator : IValidateOptions<HttpStandardResilienceOptions>;
