using System.Reflection;

namespace BccExtensions.Tests.Conventions;

/// <summary>
/// The prefix rule of docs/architecture.md: <c>Bce</c> names what belongs to Baidu's whole cloud (signing, credentials,
/// error bodies) and so works for any BCE service; <c>Bcc</c> names what belongs to this BCC client. A <c>Bce</c> type
/// therefore never depends on the client's <see cref="BccOptions"/>.
/// </summary>
public class PrefixTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void BceTypes_NeverDependOnBccOptions()
    {
        Type[] bce = [.. typeof(IBccClient).Assembly.GetTypes().Where(t => t.Name.StartsWith("Bce", StringComparison.Ordinal) || t.Name.StartsWith("IBce", StringComparison.Ordinal))];

        var offenders = bce.SelectMany(type => UsedTypes(type).Where(Mentions).Select(used => $"{type.Name} uses {used}")).ToList();

        Assert.True(bce.Length > 15, "the Bce types were not found");
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> UsedTypes(Type type) =>
        type.GetFields(Declared).Select(f => f.FieldType)
            .Concat(type.GetProperties(Declared).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(Declared).Cast<MethodBase>().Concat(type.GetMethods(Declared))
                .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Concat(m is MethodInfo method ? [method.ReturnType] : [])))
            .Concat(type.GetNestedTypes(Declared).SelectMany(UsedTypes));

    private static bool Mentions(Type type) =>
        type == typeof(BccOptions) || (type.IsGenericType && type.GetGenericArguments().Any(Mentions)) || (type.HasElementType && Mentions(type.GetElementType()!));
}
