namespace BccCodegen.Spec;

/// <summary>Everything the emitters need, resolved from spec/.</summary>
internal sealed record ApiModel(
    IReadOnlyList<AreaModel> Areas,
    IReadOnlyList<OperationModel> Operations,
    IReadOnlyList<TypeModel> Types,
    IReadOnlyList<EnumModel> Enums,
    IReadOnlyDictionary<string, int> SdkTotals,
    IReadOnlyList<WaiterModel> Waiters);

/// <summary>
/// A sub-client: one API area. A nested area is named <c>Parent.Property</c> (<c>Instances.Network</c>) and reached as
/// that property of its parent, as Octokit nests <c>Repository.Branch</c>.
/// </summary>
internal sealed record AreaModel(string Name, string Noun)
{
    /// <summary>Gets the parent area's name, or <see langword="null"/> for an area of <c>IBccClient</c>.</summary>
    public string? Parent => Name.Contains('.') ? Name[..Name.IndexOf('.')] : null;

    /// <summary>Gets the property that reaches the area from its parent (or from <c>IBccClient</c>).</summary>
    public string Property => Name[(Name.IndexOf('.') + 1)..];

    /// <summary>Gets the type-name stem: <c>Instances</c>, or <c>InstanceNetwork</c> for <c>Instances.Network</c>.</summary>
    private string Stem => Parent is { } parent ? parent.TrimEnd('s') + Property : Name;

    public string InterfaceName => "IBcc" + Stem + "Client";

    public string ClassName => "Bcc" + Stem + "Client";
}

/// <summary>One BCC operation as the client calls it.</summary>
internal sealed record OperationModel
{
    public required string Name { get; init; }

    public required string Area { get; init; }

    /// <summary>The C# method name without <c>Async</c>.</summary>
    public required string Method { get; init; }

    public required string HttpMethod { get; init; }

    /// <summary>The path with <c>{id}</c> holes and the version filled in.</summary>
    public required string Path { get; init; }

    /// <summary>The empty-valued query flag (<c>?start</c>), if any.</summary>
    public string? Flag { get; init; }

    /// <summary>Query parameters whose value is part of the operation (<c>action=AttachTags</c>).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> FixedQuery { get; init; }

    public required IReadOnlyList<string> PathIds { get; init; }

    public TypeModel? Request { get; init; }

    public string? Response { get; init; }

    public PagerModel? Pager { get; init; }

    /// <summary>A response with one object or list field is returned unwrapped.</summary>
    public FieldModel? Unwrap { get; init; }

    public required string Description { get; init; }

    /// <summary>Gets the methods of Baidu's SDKs (<c>bce-sdk-go</c>, <c>bce-sdk-java</c>, <c>bce-sdk-python</c>) that call this endpoint.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> SdkMethods { get; init; }

    public required bool IsExtra { get; init; }

    /// <summary>Another operation with the same wire form and the same C# method.</summary>
    public string? AliasOf { get; init; }

    public string Signature => Area + "." + Method + "Async";

    public string DisplayUri
    {
        get
        {
            var query = new List<string>();
            if (Flag is not null)
            {
                query.Add(Flag);
            }

            query.AddRange(FixedQuery.Select(p => p.Key + "=" + p.Value));
            return Path + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        }
    }
}

/// <summary>
/// A sub-client's <c>WaitForStatusAsync</c>: <see cref="Read"/> polls the resource, whose <c>Status</c> is a
/// <see cref="StatusEnum"/>, until it has the status asked for or enters one of <see cref="Stuck"/>.
/// </summary>
internal sealed record WaiterModel(string Area, OperationModel Read, string Resource, string StatusEnum, IReadOnlyList<string> Stuck, string? Usually);

/// <summary>Marker paging: where the marker goes and which list the answer carries.</summary>
internal sealed record PagerModel(bool MarkerInBody, FieldModel Items);

/// <summary>A request, nested or response model.</summary>
internal sealed record TypeModel(string Name, string Summary, IReadOnlyList<FieldModel> Fields, TypeRole Role)
{
    /// <summary>Gets the name Baidu's metadata gives the shape, when it has one.</summary>
    public string? WireName { get; init; }
}

internal enum TypeRole
{
    Request,
    Nested,
    Response,
}

internal enum FieldPosition
{
    Body,
    Query,
}

/// <summary>A model property.</summary>
internal sealed record FieldModel(string Json, string Property, TypeRef Type, bool Required, string Doc, FieldPosition Position, bool Encrypted)
{
    /// <summary>Gets the lowest value the client accepts, checked before sending.</summary>
    public int? Minimum { get; init; }

    /// <summary>
    /// Gets whether the property is serialized into the JSON body. Query and encrypted fields are not, and so cannot
    /// carry C#'s <c>required</c> (System.Text.Json refuses required members it does not write); they are checked at run time.
    /// </summary>
    public bool InBody => Position == FieldPosition.Body && !Encrypted;
}

internal enum TypeKind
{
    String,
    Int,
    Long,
    Bool,
    Double,
    Json,
    Timestamp,
    Enum,
    Model,
}

/// <summary>A property type: a scalar, enum or model, possibly as a list or string-keyed map.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name, bool IsList, bool IsMap)
{
    public string Element => Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int => "int",
        TypeKind.Long => "long",
        TypeKind.Bool => "bool",
        TypeKind.Double => "double",
        TypeKind.Json => "System.Text.Json.JsonElement",
        TypeKind.Timestamp => "DateTimeOffset",
        _ => Name!,
    };

    public bool IsValueType => Kind is not (TypeKind.String or TypeKind.Model) && !IsList && !IsMap;
}

/// <summary>An extensible string enumeration.</summary>
internal sealed record EnumModel(string Name, IReadOnlyList<string> Values);
