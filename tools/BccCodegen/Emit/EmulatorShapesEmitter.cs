using BccCodegen.Spec;

namespace BccCodegen.Emit;

/// <summary>
/// Writes the emulator's table of answer shapes: each operation's answer type and each type's members with their
/// JSON kinds, from the same spec the client's models come from. The emulator checks every answer against it, so an
/// answer the client's models (or Baidu's SDKs) could not read never leaves.
/// </summary>
internal static class EmulatorShapesEmitter
{
    public static string Table(ApiModel api)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line()
            .Line("namespace BccExtensions.Testing.Internal;").Line()
            .Line("/// <summary>What every BCC answer may hold: the answer type of each operation and the members of each type.</summary>")
            .Open("internal static class BccAnswerShapes")
            .Line("/// <summary>Gets the answer type of each operation that answers with a body.</summary>")
            .Line("public static IReadOnlyDictionary<string, string> ByOperation { get; } = new Dictionary<string, string>(StringComparer.Ordinal)")
            .Line("{");
        foreach (OperationModel operation in api.Operations.Where(o => o.AliasOf is null && o.Response is not null))
        {
            w.Line($"    [\"{operation.Name}\"] = \"{operation.Response}\",");
        }

        w.Line("};").Line()
            .Line("/// <summary>Gets the members of each answer type, by wire name.</summary>")
            .Line("public static IReadOnlyDictionary<string, AnswerShape> Types { get; } = new Dictionary<string, AnswerShape>(StringComparer.Ordinal)")
            .Line("{");
        foreach (TypeModel type in api.Types.Where(t => t.Role != TypeRole.Request).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            IEnumerable<string> members = type.Fields.Select(f =>
                $"new(\"{f.Json}\", AnswerKind.{Kind(f.Type)}, {(f.Type.Kind == TypeKind.Model ? "\"" + f.Type.Name + "\"" : "null")}, {(f.Type.IsList ? "true" : "false")}, {(f.Type.IsMap ? "true" : "false")})");
            w.Line($"    [\"{type.Name}\"] = new([{string.Join(", ", members)}]),");
        }

        w.Line("};").Close();
        return w.ToString();
    }

    private static string Kind(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Enum or TypeKind.Timestamp => "Text",
        TypeKind.Int or TypeKind.Long or TypeKind.Double => "Number",
        TypeKind.Bool => "Flag",
        TypeKind.Json => "Any",
        _ => "Object",
    };
}
