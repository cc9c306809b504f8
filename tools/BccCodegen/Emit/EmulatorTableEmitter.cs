using BccCodegen.Spec;

namespace BccCodegen.Emit;

/// <summary>Writes the emulator's table of every BCC operation, so it can tell "not modelled" (501) from "no such API" (404).</summary>
internal static class EmulatorTableEmitter
{
    public static string Table(ApiModel api)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line()
            .Line("namespace BccExtensions.Testing.Internal;").Line()
            .Line("/// <summary>Every BCC operation the client knows: name, method, path template and the query key (or key=value) that selects it.</summary>")
            .Open("internal static class BccOperationTable")
            .Line("/// <summary>Gets the operations.</summary>")
            .Line("public static IReadOnlyList<KnownOperation> All { get; } =")
            .Line("[");
        foreach (OperationModel operation in api.Operations.Where(o => o.AliasOf is null))
        {
            string selector = operation.Flag ?? operation.FixedQuery.Select(p => p.Key + "=" + p.Value).FirstOrDefault() ?? string.Empty;
            w.Line($"    new(\"{operation.Name}\", \"{operation.HttpMethod}\", \"{operation.Path}\", \"{selector}\"),");
        }

        w.Line("];").Close();
        return w.ToString();
    }
}
