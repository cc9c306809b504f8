using BccCodegen.Spec;

namespace BccCodegen.Emit;

/// <summary>Writes the sub-client interfaces and their implementations over the library's transport (<see cref="RuntimeNames"/>).</summary>
internal static class ClientEmitter
{
    private const string Token = "CancellationToken cancellationToken = default";

    /// <summary>Gets the operations a sub-client declares: one per C# method (aliases share their method).</summary>
    private static IEnumerable<OperationModel> Declared(ApiModel api, AreaModel area) =>
        api.Operations.Where(o => o.Area == area.Name && o.AliasOf is null);

    /// <summary>Gets the areas nested in an area, or the areas of <c>IBccClient</c> for <see langword="null"/>.</summary>
    private static IEnumerable<AreaModel> Children(ApiModel api, AreaModel? area) => api.Areas.Where(a => a.Parent == area?.Name);

    public static string Interface(ApiModel api, AreaModel area)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line("using BccExtensions.Models;").Line()
            .Line("namespace BccExtensions;").Line()
            .Line($"/// <summary>Calls the BCC {area.Noun} operations.</summary>")
            .Line($"/// <remarks>Reach it as <c>IBccClient.{area.Name}</c>, or inject <see cref=\"{area.InterfaceName}\"/> directly.</remarks>")
            .Open($"public partial interface {area.InterfaceName}");
        bool first = true;
        foreach (AreaModel child in Children(api, area))
        {
            w.Line($"/// <summary>Gets the {child.Noun} operations.</summary>").Line($"{child.InterfaceName} {child.Property} {{ get; }}").Line();
        }

        foreach (OperationModel operation in Declared(api, area))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            if (operation.Pager is { } pager)
            {
                string item = pager.Items.Type.Element;
                Docs(w, api, operation, $"Lists every {Naming.Xml(Naming.Words(pager.Items.Json))} item, reading further pages as the enumeration proceeds.", "The items, across all pages.");
                w.Line($"IAsyncEnumerable<{item}> {operation.Method}Async({Parameters(operation)});").Line();
                Docs(w, api, operation, $"Reads one page of {Naming.Xml(Naming.Words(pager.Items.Json))}; pass <c>NextMarker</c> as the next request's <c>Marker</c>.", "The page.");
                w.Line($"Task<{RuntimeNames.Page}<{item}>> {operation.Method}PageAsync({Parameters(operation)});");
                WithoutRequest(w, operation, $"IAsyncEnumerable<{item}>", operation.Method + "Async");
                WithoutRequest(w, operation, $"Task<{RuntimeNames.Page}<{item}>>", operation.Method + "PageAsync");
            }
            else
            {
                Docs(w, api, operation, operation.Description, Returns(operation));
                w.Line($"{ReturnType(operation)} {operation.Method}Async({Parameters(operation)});");
                WithoutRequest(w, operation, ReturnType(operation), operation.Method + "Async");
            }
        }

        if (api.Waiters.SingleOrDefault(waiter => waiter.Area == area.Name) is { } waiter)
        {
            string noun = Noun(waiter);
            string stuck = string.Join(", ", waiter.Stuck.Select(value => $"<c>{Naming.Xml(value)}</c>"));
            w.Line()
                .Line($"/// <summary>Polls {Naming.Article(noun)} {noun}, with back-off, until it reaches a status{(waiter.Usually is { } usually ? $" (usually {usually})" : string.Empty)}.</summary>")
                .Line($"/// <param name=\"{IdOf(waiter)}\">The {noun} id.</param>")
                .Line("/// <param name=\"status\">The status to wait for.</param>")
                .Line("/// <param name=\"timeout\">How long to wait; 10 minutes when <see langword=\"null\"/>.</param>")
                .Line("/// <param name=\"cancellationToken\">Cancels waiting.</param>")
                .Line($"/// <returns>The {noun} in the requested status.</returns>")
                .Line("/// <exception cref=\"ArgumentException\">The id is empty or malformed, or the timeout is not positive.</exception>")
                .Line("/// <exception cref=\"TimeoutException\">The status was not reached in time.</exception>")
                .Line($"/// <exception cref=\"InvalidOperationException\">The {noun} entered a state it cannot leave by itself ({stuck}).</exception>")
                .Line($"/// <exception cref=\"BccServiceException\">The service refused a poll, e.g. the {noun} was deleted.</exception>")
                .Line($"/// <remarks>Polls BCC {waiter.Read.Name}.</remarks>")
                .Line($"{WaiterSignature(waiter)};");
        }

        w.Close();
        return w.ToString();
    }

    private static string IdOf(WaiterModel waiter) => Naming.Camel(waiter.Read.PathIds[0]);

    /// <summary>Gets the resource's noun from its id parameter: <c>instanceId</c> gives <c>instance</c>.</summary>
    private static string Noun(WaiterModel waiter) => Naming.Words(IdOf(waiter)[..^2]);

    private static string WaiterSignature(WaiterModel waiter) =>
        $"Task<{waiter.Resource}> WaitForStatusAsync(string {IdOf(waiter)}, {waiter.StatusEnum} status, TimeSpan? timeout = null, {Token})";

    private static void Waiter(CodeWriter w, WaiterModel waiter)
    {
        string id = IdOf(waiter);
        string label = Naming.Pascal(Noun(waiter));
        string stuck = string.Join(", ", waiter.Stuck.Select(value => $"{waiter.StatusEnum}.{Naming.EnumMember(value)}"));
        w.Line($"private static readonly {waiter.StatusEnum}[] s_stuck = [{stuck}];").Line()
            .Open($"public {WaiterSignature(waiter)}")
            .Line($"{RuntimeNames.Arguments}.ThrowIfInvalidId({id}, nameof({id}));")
            .Line($"return {RuntimeNames.Waiter}.WaitAsync(transport.TimeProvider, \"{label} \" + {id}, token => {waiter.Read.Method}Async({id}, cancellationToken: token), resource => resource.Status, status, s_stuck, timeout, cancellationToken);")
            .Close();
    }

    /// <summary>
    /// Writes <c>XAsync(ids…, CancellationToken)</c> beside <c>XAsync(ids…, XRequest? request = null, CancellationToken)</c>,
    /// so a call without a request can pass its token positionally (<c>StopAsync(id, ct)</c>).
    /// </summary>
    private static void WithoutRequest(CodeWriter w, OperationModel operation, string returnType, string method)
    {
        if (operation.Request is not { } request || !IsOptional(request))
        {
            return;
        }

        string ids = string.Concat(operation.PathIds.Select(id => "string " + Naming.Camel(id) + ", "));
        string arguments = string.Concat(operation.PathIds.Select(id => Naming.Camel(id) + ", "));
        string cref = string.Concat(operation.PathIds.Select(_ => "string, ")) + request.Name + ", CancellationToken";
        w.Line().Line($"/// <summary>Calls <see cref=\"{method}({cref})\"/> without a request.</summary>");
        foreach (string id in operation.PathIds)
        {
            w.Line($"/// <param name=\"{Naming.Camel(id)}\">The {Naming.Xml(Naming.Words(id))} in the path.</param>");
        }

        w.Line($"/// <param name=\"cancellationToken\">Cancels the call.</param>")
            .Line($"{returnType} {method}({ids}CancellationToken cancellationToken) => {method}({arguments}null, cancellationToken);");
    }

    public static string Implementation(ApiModel api, AreaModel area)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line($"using {RuntimeNames.HttpNamespace};").Line($"using {RuntimeNames.OperationsNamespace};").Line($"using {RuntimeNames.ModelsNamespace};").Line()
            .Line($"namespace {RuntimeNames.ClientsNamespace};").Line()
            .Line($"/// <summary>The BCC {area.Noun} operations over a <see cref=\"{RuntimeNames.Transport}\"/>.</summary>")
            .Open($"internal sealed partial class {area.ClassName}({RuntimeNames.Transport} transport) : {area.InterfaceName}");
        bool first = true;
        foreach (AreaModel child in Children(api, area))
        {
            w.Line($"public {child.InterfaceName} {child.Property} {{ get; }} = new {child.ClassName}(transport);").Line();
        }

        foreach (OperationModel operation in Declared(api, area))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            if (operation.Pager is null)
            {
                Method(w, operation);
            }
            else
            {
                PagedMethods(w, operation);
            }
        }

        if (api.Waiters.SingleOrDefault(waiter => waiter.Area == area.Name) is { } waiter)
        {
            w.Line();
            Waiter(w, waiter);
        }

        w.Close();
        return w.ToString();
    }

    private static void Docs(CodeWriter w, ApiModel api, OperationModel operation, string summary, string? returns)
    {
        w.Line($"/// <summary>{(summary.Length > 0 ? summary : $"Calls the BCC {operation.Name} operation.")}</summary>");
        foreach (string id in operation.PathIds)
        {
            w.Line($"/// <param name=\"{Naming.Camel(id)}\">The {Naming.Xml(Naming.Words(id))} in the path.</param>");
        }

        if (operation.Request is { } request)
        {
            w.Line($"/// <param name=\"request\">The arguments{(IsOptional(request) ? "; <see langword=\"null\"/> sends none" : string.Empty)}.</param>");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        if (returns is not null)
        {
            w.Line($"/// <returns>{returns}</returns>");
        }

        w.Line("/// <exception cref=\"BccServiceException\">The service answered with an error.</exception>");
        var names = api.Operations.Where(o => o.Name == operation.Name || o.AliasOf == operation.Name).Select(o => $"<c>{o.Name}</c>").ToList();
        w.Line($"/// <remarks>BCC operation{(names.Count > 1 ? "s" : string.Empty)} {string.Join(" and ", names)}: <c>{operation.HttpMethod} {Naming.Xml(operation.DisplayUri)}</c>.</remarks>");
    }

    private static string? Returns(OperationModel operation) => operation switch
    {
        { Response: null } => null,
        { Unwrap: { } field } => $"The {Naming.Xml(Naming.Words(field.Json))} of the answer.",
        _ => "The answer.",
    };

    private static bool IsOptional(TypeModel request) => request.Fields.All(f => !f.Required);

    /// <summary>Gets how generated code reads the request's members: <c>request?.</c> when it may be null.</summary>
    private static string Access(TypeModel request) => IsOptional(request) ? "request?." : "request.";

    private static string Parameters(OperationModel operation)
    {
        var parameters = operation.PathIds.Select(id => "string " + Naming.Camel(id)).ToList();
        if (operation.Request is { } request)
        {
            parameters.Add(IsOptional(request) ? $"{request.Name}? request = null" : $"{request.Name} request");
        }

        parameters.Add(Token);
        return string.Join(", ", parameters);
    }

    /// <summary>Gets the C# type of the answer an operation returns.</summary>
    private static string? ResultType(OperationModel operation) => operation switch
    {
        { Response: null } => null,
        { Response: "StringList" } => "IReadOnlyList<string>",
        { Response: "JsonObject" } => "IReadOnlyDictionary<string, System.Text.Json.JsonElement>", // free-form: read-only, never a mutable DOM
        { Unwrap: { } field } => ModelEmitter.TypeOf(field.Type, nullable: false),
        _ => operation.Response,
    };

    private static string ReturnType(OperationModel operation) => ResultType(operation) is { } result ? $"Task<{result}>" : "Task";

    /// <summary>Gets the <c>BccJsonContext.Default</c> property of a type.</summary>
    private static string TypeInfo(string response) => response switch
    {
        "StringList" => "IReadOnlyListString",
        "JsonObject" => "IReadOnlyDictionaryStringJsonElement",
        _ => response,
    };

    private static void Method(CodeWriter w, OperationModel operation)
    {
        // Not async: a usage error is thrown at the call, as the listers do, and the call adds no state machine of its
        // own between the caller and the transport.
        w.Open($"public {ReturnType(operation)} {operation.Method}Async({Parameters(operation)})");
        Validate(w, operation);
        BuildCall(w, operation, marker: null);
        Send(w, operation);
        w.Close();
    }

    private static void PagedMethods(CodeWriter w, OperationModel operation)
    {
        PagerModel pager = operation.Pager!;
        string item = pager.Items.Type.Element;
        string request = operation.Request!.Name;
        string arguments = string.Join(", ", operation.PathIds.Select(Naming.Camel).Append("request"));
        string ids = string.Concat(operation.PathIds.Select(id => "string " + Naming.Camel(id) + ", "));
        w.Open($"public IAsyncEnumerable<{item}> {operation.Method}Async({Parameters(operation)})");
        Validate(w, operation);
        string access = Access(operation.Request);
        w.Line($"return {RuntimeNames.Pager}.ReadAllAsync((marker, token) => {operation.Method}PageCoreAsync({arguments}, marker, token), {access}Marker, cancellationToken);")
            .Close().Line();
        w.Open($"public Task<{RuntimeNames.Page}<{item}>> {operation.Method}PageAsync({Parameters(operation)})");
        Validate(w, operation);
        w.Line($"return {operation.Method}PageCoreAsync({arguments}, {access}Marker, cancellationToken);")
            .Close().Line();
        string nullable = IsOptional(operation.Request) ? "?" : string.Empty;
        w.Open($"private Task<{RuntimeNames.Page}<{item}>> {operation.Method}PageCoreAsync({ids}{request}{nullable} request, string? marker, CancellationToken cancellationToken)");
        BuildCall(w, operation, marker: "marker");
        string response = operation.Response!;
        w.Line($"return transport.SendAsync(call, {RuntimeNames.JsonContext}.Default.{TypeInfo(response)}, static response => {RuntimeNames.Pager}.Page(response.{pager.Items.Property}, response.Marker, response.NextMarker, response.IsTruncated, response.MaxKeys), cancellationToken);")
            .Close();
    }

    private static void Validate(CodeWriter w, OperationModel operation)
    {
        // BccCall checks path ids when it is built; a lister checks them too, before its enumeration starts.
        foreach (string id in operation.Pager is null ? [] : operation.PathIds)
        {
            w.Line($"{RuntimeNames.Arguments}.ThrowIfInvalidId({Naming.Camel(id)}, nameof({Naming.Camel(id)}));");
        }

        if (operation.Request is not { } request)
        {
            return;
        }

        if (!IsOptional(request))
        {
            w.Line("ArgumentNullException.ThrowIfNull(request);");
        }

        foreach (FieldModel field in request.Fields.Where(f => f.Required))
        {
            if (field.Type is { Kind: TypeKind.String, IsList: false })
            {
                w.Line($"ArgumentException.ThrowIfNullOrWhiteSpace(request.{field.Property}, \"request.{field.Property}\");");
            }
            else if (!field.Type.IsValueType || !field.InBody)
            {
                w.Line($"ArgumentNullException.ThrowIfNull(request.{field.Property}, \"request.{field.Property}\");");
            }
        }

        foreach (FieldModel field in request.Fields.Where(f => f.Minimum is not null))
        {
            w.Line($"{RuntimeNames.Arguments}.ThrowIfLessThan({Access(request)}{field.Property}, {field.Minimum}, \"request.{field.Property}\");");
        }

        if (operation.Pager is not null && request.Fields.Any(f => f.Json == "maxKeys"))
        {
            w.Line($"{RuntimeNames.Pager}.ThrowIfInvalidMaxKeys({Access(request)}MaxKeys);");
        }
    }

    private static void BuildCall(CodeWriter w, OperationModel operation, string? marker)
    {
        string ids = string.Concat(operation.PathIds.Select(id => $", (\"{id}\", {Naming.Camel(id)})"));
        var chain = new List<string>();
        if (operation.Flag is { } flag)
        {
            chain.Add($".Flag(\"{flag}\")");
        }

        chain.AddRange(operation.FixedQuery.Select(p => $".Query(\"{p.Key}\", \"{p.Value}\")"));
        TypeModel? request = operation.Request;
        string access = request is null ? string.Empty : Access(request);
        foreach (FieldModel field in request?.Fields.Where(f => f.Position == FieldPosition.Query) ?? [])
        {
            string value = field.Json switch
            {
                "clientToken" => $"{RuntimeNames.ClientToken}.OrNew({access}ClientToken)",
                "marker" when marker is not null => marker,
                _ when field.Type.Kind == TypeKind.Enum => $"{access}{field.Property}{(field.Required ? string.Empty : "?")}.Value",
                _ => access + field.Property,
            };
            chain.Add($".Query(\"{field.Json}\", {value})");
        }

        string method = operation.HttpMethod[0] + operation.HttpMethod[1..].ToLowerInvariant();
        w.Line($"var call = new {RuntimeNames.Call}(\"{operation.Name}\", HttpMethod.{method}, \"{operation.Path}\"{ids}){(chain.Count == 0 ? ";" : string.Empty)}");
        for (int i = 0; i < chain.Count; i++)
        {
            w.Line("    " + chain[i] + (i == chain.Count - 1 ? ";" : string.Empty));
        }

        if (request is null || request.Fields.All(f => f.Position == FieldPosition.Query && !f.Encrypted))
        {
            return;
        }

        string body = IsOptional(request) ? $"request ?? new {request.Name}()" : "request";
        string info = $"{RuntimeNames.JsonContext}.Default.{request.Name}";
        FieldModel? password = request.Fields.FirstOrDefault(f => f.Encrypted);
        bool markerInBody = marker is not null && operation.Pager!.MarkerInBody;
        w.Line(password is not null
            ? $"call.JsonBodyWithPassword({body}, {info}, \"{password.Json}\", {access}{password.Property});"
            : markerInBody
                ? $"call.JsonBody({body}, {info}, {marker});"
                : $"call.JsonBody({body}, {info});");
    }

    private static void Send(CodeWriter w, OperationModel operation)
    {
        if (operation.Response is not { } response)
        {
            w.Line("return transport.SendAsync(call, cancellationToken);");
            return;
        }

        string info = $"{RuntimeNames.JsonContext}.Default.{TypeInfo(response)}";
        if (operation.Unwrap is not { } field)
        {
            w.Line($"return transport.SendAsync(call, {info}, cancellationToken);");
            return;
        }

        string select = field.Type.IsList
            ? $"response.{field.Property}"
            : $"response.{field.Property} ?? throw new System.Text.Json.JsonException(\"BCC {operation.Name} returned no {field.Json}.\")";
        w.Line($"return transport.SendAsync(call, {info}, static response => {select}, cancellationToken);");
    }

    public static string Client(ApiModel api)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line($"using {RuntimeNames.HttpNamespace};").Line()
            .Line($"namespace {RuntimeNames.ClientsNamespace};").Line()
            .Open("public partial interface IBccClient");
        var areas = Children(api, null).ToList();
        for (int i = 0; i < areas.Count; i++)
        {
            AreaModel area = areas[i];
            w.Line($"/// <summary>Gets the {area.Noun} operations.</summary>").Line($"{area.InterfaceName} {area.Name} {{ get; }}");
            if (i < areas.Count - 1)
            {
                w.Line();
            }
        }

        w.Close().Line()
            .Line("/// <summary>The BCC client of one registration.</summary>")
            .Open($"internal sealed partial class BccClient({RuntimeNames.Transport} transport) : IBccClient");
        foreach (AreaModel area in Children(api, null))
        {
            w.Line($"public {area.InterfaceName} {area.Name} {{ get; }} = new {area.ClassName}(transport);");
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>Writes the registration of each sub-client as a service of its own.</summary>
    public static string SubClients(ApiModel api)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line($"using {RuntimeNames.ClientsNamespace};").Line()
            .Line($"namespace {RuntimeNames.DependencyInjectionNamespace};").Line()
            .Line("/// <summary>Registers each sub-client of a registration as a service of its own.</summary>")
            .Open("internal static class BccSubClients")
            .Line("/// <summary>Registers the sub-clients of the unnamed client.</summary>")
            .Open("public static void AddUnnamed(IServiceCollection services)");
        foreach (AreaModel area in api.Areas)
        {
            w.Line($"services.AddSingleton(sp => sp.GetRequiredService<IBccClient>().{area.Name});");
        }

        w.Close().Line()
            .Line("/// <summary>Registers the sub-clients of a named client as keyed services.</summary>")
            .Open("public static void AddNamed(IServiceCollection services, string name)");
        foreach (AreaModel area in api.Areas)
        {
            w.Line($"services.AddKeyedSingleton(name, (sp, key) => sp.GetRequiredKeyedService<IBccClient>(key).{area.Name});");
        }

        w.Close().Close();
        return w.ToString();
    }

    /// <summary>
    /// Writes the models' JSON context. Hand-written wire types (error bodies, STS answers) have their own context
    /// in the library, so the generator names no hand-written type but the converters of <see cref="RuntimeNames"/>.
    /// </summary>
    public static string JsonContext(ApiModel api)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line("using System.Text.Json.Serialization;").Line($"using {RuntimeNames.JsonNamespace};").Line()
            .Line($"namespace {RuntimeNames.ModelsNamespace};").Line()
            .Line("/// <summary>")
            .Line("/// The source-generated JSON metadata of every model (trimming and AOT safe). Strings, flags and times are read")
            .Line("/// leniently because the service sends some numbers and booleans as strings and back; answers are read through")
            .Line("/// a tolerant reader that repairs what these converters cannot read (docs/reading-answers.md).")
            .Line("/// </summary>")
            .Line("[JsonSourceGenerationOptions(")
            .Line("    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,")
            .Line("    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,")
            .Line("    NumberHandling = JsonNumberHandling.AllowReadingFromString,")
            .Line("    PropertyNameCaseInsensitive = true,")
            .Line($"    Converters = [typeof({RuntimeNames.StringConverter}), typeof({RuntimeNames.BooleanConverter}), typeof({RuntimeNames.DateTimeOffsetConverter})])]")
            .Line("[JsonSerializable(typeof(IReadOnlyDictionary<string, System.Text.Json.JsonElement>))]")
            .Line("[JsonSerializable(typeof(IReadOnlyList<string>))]");

        // Every model, and what the client methods return around them, so an application can write any of them as JSON
        // through this context (BccJson.TypeInfoResolver) with reflection off.
        foreach (TypeModel type in api.Types)
        {
            w.Line($"[JsonSerializable(typeof({type.Name}))]");
        }

        foreach (EnumModel model in api.Enums)
        {
            w.Line($"[JsonSerializable(typeof({model.Name}))]");
        }

        foreach (string item in api.Operations.Where(o => o.Pager is not null).Select(o => o.Pager!.Items.Type.Name!).Distinct().Order(StringComparer.Ordinal))
        {
            w.Line($"[JsonSerializable(typeof(IAsyncEnumerable<{item}>))]").Line($"[JsonSerializable(typeof({RuntimeNames.Page}<{item}>))]");
        }

        foreach (string item in api.Operations.Where(o => o.Unwrap is { Type: { IsList: true, Kind: TypeKind.Model } }).Select(o => o.Unwrap!.Type.Name!).Distinct().Order(StringComparer.Ordinal))
        {
            w.Line($"[JsonSerializable(typeof(IReadOnlyList<{item}>))]");
        }

        w.Line($"internal sealed partial class {RuntimeNames.JsonContext} : JsonSerializerContext;");
        return w.ToString();
    }
}
