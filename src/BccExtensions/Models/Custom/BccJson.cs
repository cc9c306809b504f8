using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BccExtensions.Models;

/// <summary>
/// The source-generated JSON metadata of every model, for applications that write models as JSON with reflection off
/// (trimmed or native AOT apps, or <c>JsonSerializerIsReflectionEnabledByDefault=false</c>). It covers each request,
/// response, nested model and enumeration, and what the client returns around them: <c>IAsyncEnumerable&lt;T&gt;</c>,
/// <see cref="BccPage{T}"/> and <c>IReadOnlyList&lt;T&gt;</c> of listed items.
/// </summary>
/// <example>
/// Minimal APIs: <c>builder.Services.ConfigureHttpJsonOptions(o =&gt; o.SerializerOptions.TypeInfoResolverChain.Add(BccJson.TypeInfoResolver));</c>
/// Controllers: <c>builder.Services.AddControllers().AddJsonOptions(o =&gt; o.JsonSerializerOptions.TypeInfoResolverChain.Add(BccJson.TypeInfoResolver));</c>
/// </example>
public static class BccJson
{
    /// <summary>Gets the resolver to chain into an application's <see cref="JsonSerializerOptions.TypeInfoResolverChain"/>.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => BccJsonContext.Default;
}
