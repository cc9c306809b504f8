using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BccExtensions.Tests.Conventions;

/// <summary>House rules of the public surface, held by reflection over the shipped assembly (Octokit style).</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Type[] s_public = typeof(IBccClient).Assembly.GetExportedTypes();

    private static IEnumerable<MethodInfo> ClientMethods => s_public
        .Where(t => t.IsInterface && t.Name.StartsWith("IBcc", StringComparison.Ordinal) && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods())
        .Where(m => !m.IsSpecialName);

    [Fact]
    public void Namespaces_EntryTypesInBccExtensions_ModelsInBccExtensionsModels()
    {
        string[] entry = [.. s_public.Where(t => t.Namespace == "BccExtensions").Select(t => t.Name)];
        string[] other = [.. s_public.Where(t => t.Namespace is not ("BccExtensions" or "BccExtensions.Models" or "Microsoft.Extensions.DependencyInjection")).Select(t => t.FullName!)];

        Assert.InRange(entry.Length, 25, 35);
        Assert.Empty(other);
        Assert.All(s_public.Where(t => t.Namespace == "BccExtensions.Models"), t => Assert.False(t.Name.StartsWith("IBcc", StringComparison.Ordinal), t.Name));
    }

    [Fact]
    public void ClientMethods_AsyncWithTheCancellationTokenLast()
    {
        Assert.All(ClientMethods, method =>
        {
            Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
            ParameterInfo[] parameters = method.GetParameters();
            ParameterInfo last = parameters[^1];
            bool shortForm = parameters[..^1].All(p => p.ParameterType == typeof(string)); // (ids…, CancellationToken): the token is required there
            Assert.True(last.ParameterType == typeof(CancellationToken) && (last.HasDefaultValue || shortForm), $"{method.DeclaringType!.Name}.{method.Name}: CancellationToken cancellationToken = default comes last");
        });
    }

    [Fact]
    public void ClientMethods_WithAnOptionalRequest_AlsoTakeTheTokenRightAfterTheIds()
    {
        var optional = ClientMethods.Where(m => m.GetParameters() is [.., { HasDefaultValue: true, ParameterType.IsClass: true }, { ParameterType.IsValueType: true }] parameters
            && parameters[..^2].All(p => p.ParameterType == typeof(string))).ToList();

        Assert.True(optional.Count > 50, $"{optional.Count} methods with an optional request");
        Assert.All(optional, method =>
        {
            Type[] shortForm = [.. method.GetParameters()[..^2].Select(p => p.ParameterType), typeof(CancellationToken)];
            Assert.True(method.DeclaringType!.GetMethod(method.Name, shortForm) is not null, $"{method.DeclaringType.Name}.{method.Name}(ids…, CancellationToken)");
        });
    }

    [Fact]
    public void Listers_PagedAlike()
    {
        var listers = ClientMethods.Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)).ToList();

        Assert.NotEmpty(listers);
        Assert.All(listers, lister =>
        {
            Type[] parameters = [.. lister.GetParameters().Select(p => p.ParameterType)];
            MethodInfo? page = lister.DeclaringType!.GetMethod(lister.Name[..^"Async".Length] + "PageAsync", parameters);
            Assert.True(page is not null, $"{lister.DeclaringType.Name}.{lister.Name} has a …PageAsync twin with the same parameters");
            Type item = lister.ReturnType.GetGenericArguments()[0];
            Assert.Equal(typeof(Task<>).MakeGenericType(typeof(BccPage<>).MakeGenericType(item)), page!.ReturnType);
        });
    }

    [Fact]
    public void Models_ReadOnlyCollectionsAndNoPublicSetters()
    {
        Assert.All(s_public.Where(t => t.Namespace == "BccExtensions.Models" && t.IsClass), model =>
        {
            foreach (PropertyInfo property in model.GetProperties())
            {
                Assert.False(property.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)), $"{model.Name}.{property.Name} has a public setter");
                Type type = property.PropertyType;
                Assert.False(type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>)), $"{model.Name}.{property.Name} is a mutable collection");
            }
        });
    }

    [Fact]
    public void PublicSignatures_NoJsonDocumentTypes()
    {
        Type[] raw = [typeof(JsonNode), typeof(JsonObject), typeof(JsonArray), typeof(JsonDocument)];
        var offenders = ClientMethods.Where(m => raw.Contains(Unwrap(m.ReturnType)) || m.GetParameters().Any(p => raw.Contains(p.ParameterType)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    private static Type Unwrap(Type type) => type.IsGenericType ? type.GetGenericArguments()[0] : type;
}
