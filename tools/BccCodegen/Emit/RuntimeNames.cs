namespace BccCodegen.Emit;

/// <summary>
/// The hand-written runtime that generated code is written against: its namespaces and type names, in one place.
/// A generator test checks each name against the built library, so a rename there fails here, not in a regenerated diff.
/// </summary>
internal static class RuntimeNames
{
    public const string HttpNamespace = "BccExtensions.Internal.Http";
    public const string OperationsNamespace = "BccExtensions.Internal.Operations";
    public const string JsonNamespace = "BccExtensions.Internal.Json";
    public const string ModelsNamespace = "BccExtensions.Models";
    public const string ClientsNamespace = "BccExtensions";
    public const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

    public const string Transport = "BccTransport";
    public const string Call = "BccCall";
    public const string Pager = "BccPager";
    public const string Waiter = "BccWaiter";
    public const string Arguments = "BccArguments";
    public const string ClientToken = "BccClientToken";
    public const string StringValue = "IBccStringValue";
    public const string StringValueConverter = "BccStringValueConverter";
    public const string StringConverter = "LenientStringConverter";
    public const string BooleanConverter = "LenientBooleanConverter";
    public const string DateTimeOffsetConverter = "LenientDateTimeOffsetConverter";
    public const string Page = "BccPage";

    /// <summary>The generated JSON context (in <see cref="ModelsNamespace"/>).</summary>
    public const string JsonContext = "BccJsonContext";

    /// <summary>Every runtime type the generated code names, with its namespace, for the generator's test.</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        $"{HttpNamespace}.{Transport}",
        $"{HttpNamespace}.{Call}",
        $"{OperationsNamespace}.{Pager}",
        $"{OperationsNamespace}.{Waiter}",
        $"{OperationsNamespace}.{Arguments}",
        $"{OperationsNamespace}.{ClientToken}",
        $"{ModelsNamespace}.{StringValue}`1",
        $"{ModelsNamespace}.{StringValueConverter}`1",
        $"{JsonNamespace}.{StringConverter}",
        $"{JsonNamespace}.{BooleanConverter}",
        $"{JsonNamespace}.{DateTimeOffsetConverter}",
        $"{ClientsNamespace}.{Page}`1",
    ];
}
