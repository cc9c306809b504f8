using BccCodegen.Spec;

namespace BccCodegen.Emit;

/// <summary>
/// Writes, for the SDK dialect test, one call of every operation whose arguments are read from a request that one of
/// Baidu's SDKs sent (by wire name, wherever that SDK put them), so the same values go through <c>IBccClient</c>.
/// </summary>
internal static class DialectCallEmitter
{
    public static string Calls(ApiModel api)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line("using BccExtensions.Models;").Line()
            .Line("namespace BccExtensions.Tests.Helpers;").Line()
            .Line("/// <summary>Every BCC operation, called with the argument values of a request recorded from one of Baidu's SDKs.</summary>")
            .Open("internal static class DialectCalls")
            .Line("/// <summary>Gets the calls, keyed by BCC operation name.</summary>")
            .Open("public static IReadOnlyDictionary<string, DialectCall> All { get; } = new Dictionary<string, DialectCall>(StringComparer.Ordinal)");
        foreach (OperationModel operation in api.Operations)
        {
            var arguments = operation.PathIds.Select(id => $"a.Path(\"{id}\")").ToList();
            if (operation.Request is { } request)
            {
                var members = request.Fields.Select(f => $"{f.Property} = a.Get<{ModelEmitter.TypeOf(f.Type, nullable: !(f.Required && f.InBody))}>(\"{f.Json}\")!");
                arguments.Add($"new {request.Name} {{ {string.Join(", ", members)} }}");
            }

            string method = operation.Pager is null ? operation.Method + "Async" : operation.Method + "PageAsync";
            var sdkMethods = operation.SdkMethods.SelectMany(sdk => sdk.Value.Select(m => $"\"{sdk.Key}:{m}\""));
            w.Line($"[\"{operation.Name}\"] = new(\"{operation.HttpMethod}\", \"{operation.Path}\", \"{operation.Flag}\", \"{operation.Signature}\", [{string.Join(", ", sdkMethods)}], (client, a) => client.{operation.Area}.{method}({string.Join(", ", arguments)})),");
        }

        w.Close(";").Close();
        return w.ToString();
    }
}
