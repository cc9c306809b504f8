using BccCodegen.Spec;

namespace BccCodegen.Emit;

/// <summary>Writes, for the wire test, one call of every operation with every argument set.</summary>
internal static class SampleEmitter
{
    public static string Samples(ApiModel api)
    {
        var types = api.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line("using BccExtensions.Models;").Line()
            .Line("namespace BccExtensions.Tests.Helpers;").Line()
            .Line("/// <summary>One call of every BCC operation, with every argument set to a sample value.</summary>")
            .Open("internal static class OperationSamples")
            .Line("/// <summary>Gets the calls, keyed by BCC operation name.</summary>")
            .Open("public static IReadOnlyDictionary<string, Func<IBccClient, Task>> All { get; } = new Dictionary<string, Func<IBccClient, Task>>(StringComparer.Ordinal)");
        foreach (OperationModel operation in api.Operations)
        {
            var arguments = operation.PathIds.Select(id => $"\"{id}-1\"").ToList();
            if (operation.Request is { } request)
            {
                arguments.Add(Instance(request, types, depth: 0));
            }

            string method = operation.Pager is null ? operation.Method + "Async" : operation.Method + "PageAsync";
            w.Line($"[\"{operation.Name}\"] = client => client.{operation.Area}.{method}({string.Join(", ", arguments)}),");
        }

        w.Close(";").Close();
        return w.ToString();
    }

    private static string Instance(TypeModel type, Dictionary<string, TypeModel> types, int depth)
    {
        var members = type.Fields.Select(f => $"{f.Property} = {Value(f, types, depth)}");
        return $"new {type.Name} {{ {string.Join(", ", members)} }}";
    }

    private static string Value(FieldModel field, Dictionary<string, TypeModel> types, int depth)
    {
        string one = field.Type.Kind switch
        {
            TypeKind.String => field.Json == "clientToken" ? "\"token-1\"" : "\"x\"",
            TypeKind.Int => "1",
            TypeKind.Long => "1L",
            TypeKind.Bool => "true",
            TypeKind.Double => "1.5",
            TypeKind.Json => "System.Text.Json.JsonDocument.Parse(\"{}\").RootElement",
            TypeKind.Timestamp => "DateTimeOffset.UnixEpoch",
            TypeKind.Enum => $"{field.Type.Name}.FromString(\"x\")",
            _ => depth < 3 ? Instance(types[field.Type.Name!], types, depth + 1) : "null!",
        };
        return field.Type.IsList ? $"[{one}]" : field.Type.IsMap ? $"new Dictionary<string, {field.Type.Element}> {{ [\"k\"] = {one} }}" : one;
    }
}
