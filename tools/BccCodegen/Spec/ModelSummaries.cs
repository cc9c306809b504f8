namespace BccCodegen.Spec;

/// <summary>
/// Writes each model's summary from the public methods that use it, so a reader learns where the type comes from
/// (<c>What Volumes.GetAsync returns.</c>) instead of its wire name, which the model's remarks keep where it differs.
/// </summary>
internal static class ModelSummaries
{
    private const int MaxNamed = 3;

    public static ApiModel Apply(ApiModel api)
    {
        var types = api.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var returns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reaches = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var unwraps = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (OperationModel operation in api.Operations.Where(o => o.AliasOf is null))
        {
            string method = $"<c>{operation.Area}.{operation.Method}Async</c>";
            if (operation.Request is { } request)
            {
                Reach(request.Name, method, types, reaches);
            }

            string? returned = operation.Pager?.Items.Type.Name ?? (operation.Unwrap is { } field ? field.Type.Name : operation.Response);
            if (returned is not null)
            {
                Add(returns, returned, method);
                Reach(returned, method, types, reaches);
            }

            if (operation.Response is { } response && response != returned)
            {
                Add(unwraps, response, method);
            }
        }

        return api with { Types = [.. api.Types.Select(t => t with { Summary = Summary(t, returns, reaches, unwraps) })] };
    }

    private static string Summary(TypeModel type, Dictionary<string, List<string>> returns, Dictionary<string, List<string>> reaches, Dictionary<string, List<string>> unwraps)
    {
        if (type.Role == TypeRole.Request)
        {
            return reaches.TryGetValue(type.Name, out List<string>? takers) ? $"The arguments of {List(takers)}." : type.Summary;
        }

        if (returns.TryGetValue(type.Name, out List<string>? returners))
        {
            return $"What {List(returners)} {(returners.Count == 1 ? "returns" : "return")}.";
        }

        if (unwraps.TryGetValue(type.Name, out List<string>? unwrappers))
        {
            return $"The whole answer of {List(unwrappers)}, which {(unwrappers.Count == 1 ? "returns" : "return")} its one member.";
        }

        return reaches.TryGetValue(type.Name, out List<string>? users)
            ? type.Role == TypeRole.Nested ? $"Part of the arguments of {List(users)}." : $"Part of what {List(users)} {(users.Count == 1 ? "returns" : "return")}."
            : type.Summary;
    }

    private static void Reach(string root, string method, Dictionary<string, TypeModel> types, Dictionary<string, List<string>> reaches)
    {
        var pending = new Stack<string>([root]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out string? name))
        {
            if (!seen.Add(name) || !types.TryGetValue(name, out TypeModel? type))
            {
                continue;
            }

            Add(reaches, name, method);
            foreach (FieldModel field in type.Fields.Where(f => f.Type.Kind == TypeKind.Model))
            {
                pending.Push(field.Type.Name!);
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string type, string method)
    {
        List<string> methods = map.TryGetValue(type, out List<string>? found) ? found : map[type] = [];
        if (!methods.Contains(method))
        {
            methods.Add(method);
        }
    }

    private static string List(List<string> methods) => methods.Count switch
    {
        1 => methods[0],
        <= MaxNamed => string.Join(", ", methods.SkipLast(1)) + " and " + methods[^1],
        _ => string.Join(", ", methods.Take(MaxNamed)) + $" and {methods.Count - MaxNamed} more",
    };
}
