namespace BccCodegen.Spec;

/// <summary>Which models a public member reaches.</summary>
internal static class ApiSurface
{
    /// <summary>
    /// Gets the models that the client methods take or return, and every model their members reach. The others (an
    /// answer the method unwraps to its one list or model) are internal: nothing public names them.
    /// </summary>
    public static IReadOnlySet<string> PublicModels(ApiModel api)
    {
        var types = api.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(api.Operations.Where(o => o.AliasOf is null).SelectMany(Roots));
        while (pending.TryPop(out string? name))
        {
            if (types.TryGetValue(name, out TypeModel? type) && reached.Add(name))
            {
                foreach (FieldModel field in type.Fields.Where(f => f.Type.Kind == TypeKind.Model))
                {
                    pending.Push(field.Type.Name!);
                }
            }
        }

        return reached;
    }

    private static IEnumerable<string> Roots(OperationModel operation)
    {
        if (operation.Request is { } request)
        {
            yield return request.Name;
        }

        string? returned = operation.Pager?.Items.Type.Name ?? (operation.Unwrap is { } field ? field.Type.Name : operation.Response);
        if (returned is not null)
        {
            yield return returned;
        }
    }
}
