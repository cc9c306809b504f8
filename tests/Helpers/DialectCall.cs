namespace BccExtensions.Tests.Helpers;

/// <summary>One operation of ours: its route, and a call that takes its arguments from a recorded SDK request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathTemplate">The path with <c>{id}</c> holes.</param>
/// <param name="Flag">The empty-valued query flag that selects the operation, or empty.</param>
/// <param name="Signature">The C# method, as <c>Area.MethodAsync</c>.</param>
/// <param name="SdkMethods">The methods of Baidu's SDKs that call this endpoint, as <c>sdk:method</c>.</param>
/// <param name="Call">Calls the operation through the client.</param>
public sealed record DialectCall(string Method, string PathTemplate, string Flag, string Signature, IReadOnlyList<string> SdkMethods, Func<IBccClient, WireArguments, Task> Call)
{
    /// <summary>Gets whether a request goes where this operation goes: method, path shape and flag.</summary>
    public bool Routes(SdkRequest request) =>
        string.Equals(Method, request.Method, StringComparison.Ordinal)
        && WireArguments.BindPath(PathTemplate, request.Path) is not null
        && (Flag.Length == 0 || request.Query.Any(q => q.Name == Flag));
}
