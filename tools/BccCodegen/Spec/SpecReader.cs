using System.Text.Json.Nodes;

namespace BccCodegen.Spec;

/// <summary>Reads spec/ (Baidu's request metadata, the response shapes, the extra operations and the mapping) into an <see cref="ApiModel"/>.</summary>
internal sealed class SpecReader
{
    private const string ClientTokenField = "clientToken";

    private readonly string _specDirectory;
    private readonly JsonObject _map;
    private readonly JsonObject _responses;
    private readonly JsonObject _fixes;
    private readonly Dictionary<string, JsonObject> _meta = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _extras = new(StringComparer.Ordinal);
    private readonly JsonObject _commonText;
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _enumNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject?> _descriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _requestUsers = new(StringComparer.Ordinal);

    private SpecReader(string specDirectory)
    {
        _specDirectory = specDirectory;
        _map = Load("operation-map.json");
        _responses = Load("bcc-responses.json");
        _fixes = File.Exists(Path.Combine(specDirectory, "wire-fixes.json")) ? Load("wire-fixes.json") : new JsonObject { ["operations"] = new JsonObject() };
        _commonText = Load(Path.Combine("i18n", "en-US", "common.json"));
        foreach (string file in Directory.GetFiles(Path.Combine(specDirectory, "bcc"), "*.json").Order(StringComparer.Ordinal))
        {
            JsonObject operation = Load(file);
            _meta.Add(Text(operation, "name"), WireFixes.Apply(Text(operation, "name"), operation, _fixes));
        }

        foreach (JsonNode? operation in Load("extra-operations.json")["operations"]!.AsArray())
        {
            _extras.Add(Text(operation!, "name"), WireFixes.Apply(Text(operation!, "name"), operation!.AsObject(), _fixes));
        }

        var unknown = _fixes["operations"]!.AsObject().Select(f => f.Key).Where(name => !_meta.ContainsKey(name) && !_extras.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException("wire-fixes.json names unknown operations: " + string.Join(", ", unknown));
        }
    }

    /// <summary>Reads and checks the whole specification.</summary>
    /// <exception cref="InvalidDataException">The specification is inconsistent (an operation without a mapping, a clash of names, …).</exception>
    public static ApiModel Read(string specDirectory) => new SpecReader(specDirectory).Read();

    private ApiModel Read()
    {
        foreach ((string from, JsonNode? to) in _map["typeNames"]!.AsObject())
        {
            _typeNames[from] = to!.GetValue<string>();
        }

        List<EnumModel> enums = ReadEnums();
        foreach ((string name, JsonNode? shape) in _responses["types"]!.AsObject())
        {
            if (shape!["kind"] is null && name != "ErrorResponse")
            {
                AddType(ReadResponseType(name, shape.AsObject()));
            }
        }

        JsonObject mapped = _map["operations"]!.AsObject();
        var missing = _meta.Keys.Concat(_extras.Keys).Where(name => !mapped.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("Operations without a sub-client in operation-map.json: " + string.Join(", ", missing));
        }

        var operations = new List<OperationModel>();
        foreach ((string name, JsonNode? entry) in mapped.Where(e => e.Value!["aliasOf"] is null))
        {
            operations.Add(ReadOperation(name, entry!.AsObject()));
        }

        foreach ((string name, JsonNode? entry) in mapped.Where(e => e.Value!["aliasOf"] is not null))
        {
            operations.Add(ReadAlias(name, entry!.AsObject(), operations));
        }

        var areas = _map["areas"]!.AsObject().Select(area => new AreaModel(area.Key, area.Value!.GetValue<string>())).ToList();
        var unknownArea = operations.FirstOrDefault(o => areas.All(a => a.Name != o.Area));
        if (unknownArea is not null)
        {
            throw new InvalidDataException($"{unknownArea.Name} names the unknown area {unknownArea.Area}.");
        }

        var orphan = areas.FirstOrDefault(a => a.Parent is { } parent && areas.All(p => p.Name != parent));
        if (orphan is not null)
        {
            throw new InvalidDataException($"The area {orphan.Name} is nested in the unknown area {orphan.Parent}.");
        }

        return new ApiModel(
            areas,
            operations.OrderBy(o => o.Area, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList(),
            _types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            enums,
            _map["sdkTotals"]!.AsObject().ToDictionary(t => t.Key, t => t.Value!.GetValue<int>()),
            ReadWaiters(operations, enums));
    }

    private List<WaiterModel> ReadWaiters(List<OperationModel> operations, List<EnumModel> enums)
    {
        var waiters = new List<WaiterModel>();
        foreach ((string area, JsonNode? node) in _map["waiters"]?.AsObject() ?? [])
        {
            string name = Text(node!, "operation");
            OperationModel read = operations.SingleOrDefault(o => o.Name == name && o.Area == area)
                ?? throw new InvalidDataException($"The waiter of {area} reads with {name}, which is not an operation of {area}.");
            TypeModel? resource = read.Unwrap is { Type.Kind: TypeKind.Model } unwrapped ? _types.GetValueOrDefault(unwrapped.Type.Name!) : null;
            FieldModel status = resource?.Fields.SingleOrDefault(f => f.Json == "status" && f.Type is { Kind: TypeKind.Enum, IsList: false, IsMap: false })
                ?? throw new InvalidDataException($"The waiter of {area}: {name} does not return one model with an enum status.");
            EnumModel statuses = enums.Single(e => e.Name == status.Type.Name);
            var stuck = node!["stuck"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
            if (stuck.Except(statuses.Values).FirstOrDefault() is { } unknown)
            {
                throw new InvalidDataException($"The waiter of {area} names {unknown}, which is not a value of {statuses.Name}.");
            }

            waiters.Add(new WaiterModel(area, read, resource!.Name, statuses.Name, stuck, node["usually"]?.GetValue<string>()));
        }

        return waiters;
    }

    private List<EnumModel> ReadEnums()
    {
        var enums = new List<EnumModel>();
        foreach (JsonObject source in new[] { _responses["enums"]!.AsObject(), _map["enums"]!.AsObject() })
        {
            foreach ((string name, JsonNode? node) in source)
            {
                JsonArray values = node is JsonArray array ? array : node!["values"]!.AsArray();
                enums.Add(new EnumModel(name, values.Select(v => v!.GetValue<string>()).ToList()));
                _enumNames.Add(name);
            }
        }

        return enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    private TypeModel ReadResponseType(string name, JsonObject shape)
    {
        var fields = new List<FieldModel>();
        foreach (JsonNode? node in shape["fields"]!.AsArray())
        {
            string json = Text(node!, "json");
            if (fields.Any(f => string.Equals(f.Json, json, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // Reading is case-insensitive: one property serves both spellings.
            }

            TypeRef type = ResponseFieldType(node!.AsObject(), name, json);
            string doc = node["notes"] is JsonNode notes && !Text(notes).StartsWith("enum hint", StringComparison.Ordinal)
                ? Naming.Sentence(Text(notes))
                : _map["fieldDocs"]?[json]?.GetValue<string>() ?? string.Empty;
            fields.Add(new FieldModel(json, PropertyName(json, TypeName(name), fields), type, Required: false, doc, FieldPosition.Body, Encrypted: false));
        }

        return new TypeModel(TypeName(name), "A shape in BCC's answers.", fields, TypeRole.Response) { WireName = name };
    }

    private TypeRef ResponseFieldType(JsonObject field, string typeName, string json)
    {
        bool isList = field["array"]!.GetValue<bool>();
        bool isMap = field["map"]!.GetValue<bool>();
        string type = Text(field, "type");
        string? enumName = FieldEnum(null, json) ?? field["enum"]?.GetValue<string>();
        TypeKind kind = type switch
        {
            "string" when enumName is not null => TypeKind.Enum,
            "string" when !isList && !isMap && IsIsoTime(typeName, json) => TypeKind.Timestamp,
            "string" => TypeKind.String,
            "int" => TypeKind.Int,
            "long" => TypeKind.Long,
            "bool" => TypeKind.Bool,
            "double" => TypeKind.Double,
            "object" or "JsonObject" => TypeKind.Json,
            _ => TypeKind.Model,
        };
        string? name = kind switch
        {
            TypeKind.Enum => enumName,
            TypeKind.Model => TypeName(type),
            _ => null,
        };
        return new TypeRef(kind, name, isList, isMap);
    }

    // Only members Baidu documents as ISO 8601 become DateTimeOffset; the rest stay the service's text (operation-map.json isoTimes).
    private bool IsIsoTime(string typeName, string json) =>
        _map["isoTimes"]?["fields"]?.AsArray().Any(entry => entry!.GetValue<string>() == typeName + "." + json) ?? false;

    private string? FieldEnum(string? operation, string json)
    {
        JsonObject hints = _map["fieldEnums"]!.AsObject();
        return (operation is not null ? hints[operation + "." + json] : null)?.GetValue<string>() ?? hints[json]?.GetValue<string>();
    }

    private string TypeName(string wireName) => _typeNames.GetValueOrDefault(wireName, wireName);

    private void AddType(TypeModel type)
    {
        if (_types.TryGetValue(type.Name, out TypeModel? existing))
        {
            if (existing.Role == type.Role && type.Role is TypeRole.Nested or TypeRole.Response)
            {
                // One shape under several wire names, some with more fields (a nested request part used by several
                // operations; the answers of the create operations): one type with all of them, every added one optional.
                var added = type.Fields.Where(f => existing.Fields.All(e => e.Json != f.Json)).Select(f => f with { Required = false });
                _types[type.Name] = existing with { Fields = [.. existing.Fields, .. added] };
                return;
            }

            if (!existing.Fields.Select(f => f.Json).SequenceEqual(type.Fields.Select(f => f.Json)))
            {
                throw new InvalidDataException($"Two different shapes are both named {type.Name}.");
            }

            return;
        }

        if (_enumNames.Contains(type.Name))
        {
            throw new InvalidDataException($"{type.Name} is both a model and an enumeration.");
        }

        _types.Add(type.Name, type);
    }

    private OperationModel ReadOperation(string name, JsonObject entry)
    {
        bool isExtra = _extras.TryGetValue(name, out JsonObject? extra);
        JsonObject definition = isExtra ? extra! : _meta[name];
        List<JsonObject> parameters = Parameters(definition);
        JsonObject fixedValues = entry["fixed"]?.AsObject() ?? [];
        string uri = _map["uriFixes"]?[name]?.GetValue<string>() ?? Text(definition, "uri");
        string version = parameters.FirstOrDefault(p => Text(p, "name") == "version")?["default"]?.GetValue<string>() ?? string.Empty;
        string[] uriParts = uri.Split('?', 2);
        string path = uriParts[0].Replace("{version}", version, StringComparison.Ordinal);
        foreach ((string fixedName, JsonNode? value) in fixedValues)
        {
            path = path.Replace("{" + fixedName + "}", value!.GetValue<string>(), StringComparison.Ordinal);
        }

        string? flag = null;
        var fixedQuery = new List<KeyValuePair<string, string>>();
        if (uriParts.Length == 2)
        {
            string[] pair = uriParts[1].Split('=', 2);
            if (pair.Length == 2)
            {
                fixedQuery.Add(new(pair[0], pair[1]));
            }
            else
            {
                flag = pair[0];
            }
        }

        foreach (JsonObject parameter in parameters.Where(p => Position(p) == "QUERY" && fixedValues.ContainsKey(Text(p, "name"))))
        {
            fixedQuery.Add(new(Text(parameter, "name"), fixedValues[Text(parameter, "name")]!.GetValue<string>()));
        }

        var pathIds = System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToList();
        foreach (string id in pathIds)
        {
            if (!parameters.Any(p => Text(p, "name") == id && Position(p) == "URL"))
            {
                throw new InvalidDataException($"{name}: path hole {{{id}}} has no URL parameter.");
            }
        }

        JsonObject? wire = WireFacts(name, definition);
        bool clientToken = WireFixes.ClientToken(name, _fixes) ?? wire?["clientToken"]?.GetValue<bool>() ?? false;
        var encrypted = wire?["encryptedFields"]?.AsArray().Select(f => f!.GetValue<string>()).ToList() ?? [];
        var requestParameters = parameters.Where(p => Position(p) is "BODY" or "QUERY" && !fixedValues.ContainsKey(Text(p, "name"))).ToList();
        TypeModel? request = requestParameters.Count > 0 || clientToken
            ? ReadRequest(name, entry["request"]?.GetValue<string>() ?? name + "Request", requestParameters, clientToken, encrypted)
            : null;
        string? response = wire?["response"]?.GetValue<string>() is { } wireType ? TypeName(wireType) : null;
        PagerModel? pager = Pager(name, definition, request, response);
        return new OperationModel
        {
            Name = name,
            Area = Text(entry, "area"),
            Method = Text(entry, "method"),
            HttpMethod = Text(definition, "method"),
            Path = path,
            Flag = flag,
            FixedQuery = fixedQuery,
            PathIds = pathIds,
            Request = request,
            Response = response,
            Pager = pager,
            Unwrap = pager is null && response is not null && _types.TryGetValue(response, out TypeModel? shape) ? Unwrapped(entry, shape) : null,
            Description = Summary(name, definition, entry),
            IsExtra = isExtra,
            SdkMethods = SdkMethods(name, definition, wire),
        };
    }

    // An alias is a second name for the same wire form (the Go SDK's V2 variants, a duplicated metadata file):
    // it must agree with its target on method, URI and parameters, and shares its C# method.
    private OperationModel ReadAlias(string name, JsonObject entry, List<OperationModel> operations)
    {
        string target = Text(entry, "aliasOf");
        OperationModel original = operations.Single(o => o.Name == target);
        bool isExtra = _extras.TryGetValue(name, out JsonObject? extra);
        JsonObject definition = isExtra ? extra! : _meta[name];
        JsonObject targetDefinition = _extras.GetValueOrDefault(target) ?? _meta[target];
        var parameters = Parameters(definition).Select(p => Text(p, "name")).ToList();
        bool sameWire = Text(definition, "method") == Text(targetDefinition, "method") && Text(definition, "uri") == Text(targetDefinition, "uri")
            && (parameters.Count == 0 || parameters.SequenceEqual(Parameters(targetDefinition).Select(p => Text(p, "name"))));
        if (!sameWire || Text(entry, "area") != original.Area || Text(entry, "method") != original.Method)
        {
            throw new InvalidDataException($"{name} is an alias of {target} but differs from it on the wire or in its C# method.");
        }

        return original with
        {
            Name = name,
            AliasOf = target,
            IsExtra = isExtra,
            Description = Summary(name, definition, entry),
            SdkMethods = SdkMethods(name, definition, WireFacts(name, definition)),
        };
    }

    // Metadata operations list the SDK methods hitting their endpoint; an extra operation is its Go method, and
    // names the other SDKs that have it.
    private static Dictionary<string, IReadOnlyList<string>> SdkMethods(string name, JsonObject definition, JsonObject? wire)
    {
        if (wire?["sdkMethods"] is JsonObject methods)
        {
            return methods.ToDictionary(sdk => sdk.Key, sdk => (IReadOnlyList<string>)sdk.Value!.AsArray().Select(m => m!.GetValue<string>()).ToList());
        }

        string goMethod = definition["goMethod"]?.GetValue<string>() ?? name;
        var bySdk = new Dictionary<string, IReadOnlyList<string>> { ["bce-sdk-go"] = [goMethod] };
        foreach (JsonNode? sdk in wire?["alsoIn"]?.AsArray() ?? [])
        {
            bySdk[sdk!.GetValue<string>()] = [goMethod];
        }

        return bySdk;
    }

    private List<JsonObject> Parameters(JsonObject definition)
    {
        var parameters = new List<JsonObject>();
        if (definition["parametersFrom"]?.GetValue<string>() is { } from)
        {
            parameters.AddRange(_meta[from]["parameters"]!.AsArray().Select(p => p!.AsObject()));
        }

        parameters.AddRange(definition["parameters"]!.AsArray().Select(p => p!.AsObject()));
        return parameters;
    }

    private JsonObject? WireFacts(string name, JsonObject definition)
    {
        if (_responses["operations"]![name] is JsonObject meta)
        {
            return meta;
        }

        string goMethod = definition["goMethod"]?.GetValue<string>() ?? Text(definition, "name");
        return _responses["extraOperations"]![goMethod]?.AsObject();
    }

    private PagerModel? Pager(string name, JsonObject definition, TypeModel? request, string? response)
    {
        FieldModel? marker = request?.Fields.FirstOrDefault(f => f.Json == "marker");
        if (marker is null || response is null || !_types.TryGetValue(response, out TypeModel? shape))
        {
            return null;
        }

        string? resultKey = definition["paginator"]?["result_key"]?.GetValue<string>();
        var lists = shape.Fields.Where(f => f.Type.IsList).ToList();
        FieldModel? items = resultKey is not null ? shape.Fields.FirstOrDefault(f => f.Json == resultKey) : lists.Count == 1 ? lists[0] : null;
        bool pages = shape.Fields.Any(f => f.Json == "nextMarker") && shape.Fields.Any(f => f.Json == "isTruncated");
        if (items is null || !pages)
        {
            if (resultKey is not null)
            {
                throw new InvalidDataException($"{name}: the paginator's result '{resultKey}' is not a paged list in {response}.");
            }

            return null;
        }

        return new PagerModel(marker.Position == FieldPosition.Body, items);
    }

    private TypeModel ReadRequest(string operation, string typeName, List<JsonObject> parameters, bool clientToken, List<string> encrypted)
    {
        var fields = new List<FieldModel>();
        foreach (JsonObject parameter in parameters)
        {
            fields.Add(RequestField(operation, parameter, typeName, encrypted, fields));
        }

        if (clientToken)
        {
            fields.Add(new FieldModel(ClientTokenField, "ClientToken", new TypeRef(TypeKind.String, null, false, false), false,
                "The idempotency token (1–64 printable ASCII characters); a new one is generated when not set, and retries of one call reuse it.",
                FieldPosition.Query, Encrypted: false));
        }

        // Operations with the same arguments (the legacy create and bid create) share one request type.
        List<string> users = _requestUsers.TryGetValue(typeName, out List<string>? known) ? known : _requestUsers[typeName] = [];
        users.Add(operation);
        string summary = $"The arguments of the BCC {string.Join(" and ", users)} operation{(users.Count > 1 ? "s" : string.Empty)}.";
        AddType(new TypeModel(typeName, summary, fields, TypeRole.Request));
        _types[typeName] = _types[typeName] with { Summary = summary };
        return _types[typeName];
    }

    private FieldModel RequestField(string operation, JsonObject parameter, string owner, List<string> encrypted, List<FieldModel> siblings)
    {
        string json = Text(parameter, "name");
        string type = Text(parameter, "type");
        JsonArray? sub = parameter["sub_parameters"]?.AsArray();
        TypeRef typeRef = type switch
        {
            "String" when FieldEnum(operation, json) is { } enumName => new TypeRef(TypeKind.Enum, enumName, false, false),
            "String" when IsCommaList(operation, json) => new TypeRef(TypeKind.String, null, true, false),
            "String" => new TypeRef(TypeKind.String, null, false, false),
            "Integer" => new TypeRef(TypeKind.Int, null, false, false),
            "Long" => new TypeRef(TypeKind.Long, null, false, false),
            "Boolean" => new TypeRef(TypeKind.Bool, null, false, false),
            "List" when sub is null => new TypeRef(TypeKind.String, null, true, false),
            "List" or "Object" when sub is not null => new TypeRef(TypeKind.Model, NestedType(operation, json, sub), type == "List", false),
            "Object" => new TypeRef(TypeKind.Json, null, false, false),
            _ => throw new InvalidDataException($"{operation}.{json}: unknown parameter type {type}."),
        };
        string position = Position(parameter) ?? "BODY";
        return new FieldModel(json, PropertyName(json, owner, siblings), typeRef, parameter["required"]!.GetValue<bool>(), Describe(operation, parameter),
            position == "QUERY" ? FieldPosition.Query : FieldPosition.Body, encrypted.Contains(json))
        {
            Minimum = typeRef is { Kind: TypeKind.Int, IsList: false } ? _map["fieldMinimums"]?[json]?.GetValue<int>() : null,
        };
    }

    // An answer of one model is that model; a lister's answer of one list is that list, and so is the list the mapping
    // names ("unwrap") when the rest of the answer only counts it. Other answers stay whole, so a member Baidu adds
    // later can be read without changing the method's return type.
    private static FieldModel? Unwrapped(JsonObject entry, TypeModel shape) => shape.Fields switch
    {
        _ when entry["unwrap"]?.GetValue<string>() is { } json => shape.Fields.SingleOrDefault(f => f.Json == json)
            ?? throw new InvalidDataException($"{shape.Name} has no member {json} to unwrap."),
        [{ Type.Kind: TypeKind.Model } single] => single,
        [{ Type.IsList: true } list] when Text(entry, "method").StartsWith("List", StringComparison.Ordinal) => list,
        _ => null,
    };

    private bool IsCommaList(string operation, string json) =>
        _map["commaLists"]?.AsArray().Any(entry => entry!.GetValue<string>() == operation + "." + json) ?? false;

    private string NestedType(string operation, string json, JsonArray sub)
    {
        string name = _map["nestedTypes"]![json]?.GetValue<string>() ?? operation + Naming.Pascal(json);
        if (_types.TryGetValue(name, out TypeModel? existing) && existing.Role == TypeRole.Response)
        {
            var missing = sub.Select(p => Text(p!, "name")).Except(existing.Fields.Select(f => f.Json)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"{operation}.{json} maps to {name}, which lacks {string.Join(", ", missing)}.");
            }

            // The request side carries Baidu's descriptions; a response member without one takes it.
            _types[name] = existing with
            {
                Summary = existing.Summary.Replace("A BCC response model", "A BCC model sent in requests and read from answers", StringComparison.Ordinal),
                Fields = [.. existing.Fields.Select(f => f.Doc.Length > 0 || sub.FirstOrDefault(p => Text(p!, "name") == f.Json) is not JsonObject parameter
                    ? f
                    : f with { Doc = Describe(operation, parameter) })],
            };
            return name;
        }

        var fields = new List<FieldModel>();
        foreach (JsonNode? parameter in sub)
        {
            fields.Add(RequestField(operation, parameter!.AsObject(), name, encrypted: [], fields));
        }

        AddType(new TypeModel(name, "A part of BCC's requests.", fields, TypeRole.Nested));
        return name;
    }

    // A property may not repeat its type's name or a sibling's name (BccVolume has both desc and description).
    private string PropertyName(string json, string owner, List<FieldModel> siblings)
    {
        string property = Naming.Property(json);
        JsonNode? spelled = _map["propertyNames"];
        property = (spelled?[owner + "." + property] ?? spelled?[property])?.GetValue<string>() ?? property;
        if (siblings.Any(f => f.Property == property))
        {
            property = Naming.Pascal(json);
        }

        return property == owner || siblings.Any(f => f.Property == property) ? property + "Value" : property;
    }

    // The metadata describes parameters but hardly ever operations; the mapping's summary fills in.
    private string Summary(string operation, JsonObject definition, JsonObject entry)
    {
        string described = Describe(operation, definition);
        return described.Length > 0 ? described : entry["summary"]?.GetValue<string>() ?? string.Empty;
    }

    private string Describe(string operation, JsonObject node)
    {
        if (node["desc"]?.GetValue<string>() is { } inline)
        {
            return Naming.Sentence(inline);
        }

        string? key = node["desc_key"]?.GetValue<string>();
        string? text = key switch
        {
            null => null,
            _ when key.StartsWith("common.", StringComparison.Ordinal) => _commonText[key["common.".Length..]]?.GetValue<string>(),
            _ => DescriptionOf(key),
        };
        return text is null ? string.Empty : Naming.Sentence(text);
    }

    // Keys read "bcc.<Operation>.<parameter path>"; the text sits in i18n/en-US/bcc/<Operation>.json.
    private string? DescriptionOf(string key)
    {
        string[] parts = key.Split('.', 3);
        if (parts.Length < 3)
        {
            return null;
        }

        if (!_descriptions.TryGetValue(parts[1], out JsonObject? texts))
        {
            string file = Path.Combine(_specDirectory, "i18n", "en-US", "bcc", parts[1] + ".json");
            texts = File.Exists(file) ? Load(file)[parts[1]]?.AsObject() : null;
            _descriptions[parts[1]] = texts;
        }

        return texts?[parts[2]]?.GetValue<string>();
    }

    private static string? Position(JsonObject parameter) => parameter["position"]?.GetValue<string>();

    private static string Text(JsonNode node, string property) =>
        node[property]?.GetValue<string>() ?? throw new InvalidDataException($"Missing '{property}' in {node.ToJsonString()[..Math.Min(120, node.ToJsonString().Length)]}.");

    private static string Text(JsonNode node) => node.GetValue<string>();

    private JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.IsPathRooted(file) ? file : Path.Combine(_specDirectory, file)))!.AsObject();
}
