using BccCodegen.Spec;

namespace BccCodegen.Emit;

/// <summary>Writes one file per model and per extensible enumeration.</summary>
internal static class ModelEmitter
{
    /// <summary>Writes a model; <paramref name="isPublic"/> is false for answers no public member names (<see cref="ApiSurface"/>).</summary>
    public static string Model(TypeModel type, bool isPublic)
    {
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line("using System.Text.Json.Serialization;").Line()
            .Line($"namespace {RuntimeNames.ModelsNamespace};").Line()
            .Line($"/// <summary>{type.Summary}</summary>");
        if (type.WireName is { } wire && wire != type.Name)
        {
            w.Line($"/// <remarks>Baidu's name for this shape: <c>{wire}</c>.</remarks>");
        }

        w.Open($"{(isPublic ? "public" : "internal")} sealed partial class {type.Name}");
        bool first = true;
        foreach (FieldModel field in type.Fields)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            string doc = field.Doc.Length > 0 ? field.Doc : $"{(type.Role == TypeRole.Response ? "Gets or sets" : "Gets")} the {Naming.Xml(Naming.Words(field.Json))}.";
            if (field.Required && !field.InBody)
            {
                doc += " Required.";
            }

            w.Line($"/// <summary>{doc}</summary>");
            if (field.Encrypted)
            {
                w.Line("/// <remarks>Sent AES-encrypted with the secret access key, as the service requires; never serialized in clear.</remarks>");
            }

            if (type.Role != TypeRole.Response && !field.InBody)
            {
                w.Line("[JsonIgnore]");
            }
            else
            {
                w.Line($"[JsonPropertyName(\"{field.Json}\")]");
            }

            w.Line(Declaration(field, type.Role));
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>Gets the C# type of a property.</summary>
    public static string TypeOf(TypeRef type, bool nullable)
    {
        string element = type.Element;
        if (type.IsList)
        {
            return $"IReadOnlyList<{element}>" + (nullable ? "?" : string.Empty);
        }

        if (type.IsMap)
        {
            return $"IReadOnlyDictionary<string, {element}>" + (nullable ? "?" : string.Empty);
        }

        return element + (nullable ? "?" : string.Empty);
    }

    private static string Declaration(FieldModel field, TypeRole role)
    {
        if (role == TypeRole.Response)
        {
            // Every response field may be absent or null: collections read as empty (never null), numbers and flags as zero and false.
            // Settable, not init-only: System.Text.Json reads init-only properties like constructor parameters, boxing
            // every value into an argument array first (about 1.5 µs and 750 B per instance).
            TypeRef type = field.Type;
            if (type.IsList)
            {
                return $"public {TypeOf(type, nullable: false)} {field.Property} {{ get => field ?? []; set; }}";
            }

            if (type.IsMap)
            {
                return $"public {TypeOf(type, nullable: false)} {field.Property} {{ get => field ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, {type.Element}>.Empty; set; }}";
            }

            bool nullable = type.Kind is TypeKind.String or TypeKind.Model or TypeKind.Timestamp or TypeKind.Json;
            return $"public {TypeOf(type, nullable)} {field.Property} {{ get; set; }}";
        }

        return field.Required && field.InBody
            ? $"public required {TypeOf(field.Type, nullable: false)} {field.Property} {{ get; init; }}"
            : $"public {TypeOf(field.Type, nullable: true)} {field.Property} {{ get; init; }}";
    }

    public static string Enum(EnumModel model)
    {
        string name = model.Name;
        var w = new CodeWriter();
        w.Line(CodeWriter.Header).Line("#nullable enable").Line("using System.Text.Json.Serialization;").Line()
            .Line($"namespace {RuntimeNames.ModelsNamespace};").Line()
            .Line($"/// <summary>A BCC <c>{name}</c> value. Known values are listed; unknown values are kept as sent.</summary>")
            .Line($"[JsonConverter(typeof({RuntimeNames.StringValueConverter}<{name}>))]")
            .Open($"public readonly partial struct {name} : IEquatable<{name}>, {RuntimeNames.StringValue}<{name}>")
            .Line("private readonly string? _value;").Line()
            .Line("/// <summary>Creates a value from its wire form.</summary>")
            .Line("/// <param name=\"value\">The value as the service sends it.</param>")
            .Open($"public {name}(string value)")
            .Line("ArgumentNullException.ThrowIfNull(value);")
            .Line("_value = value;")
            .Close();
        var members = new HashSet<string>(StringComparer.Ordinal) { "Value" };
        foreach (string value in model.Values)
        {
            string member = Naming.EnumMember(value);
            if (members.Add(member))
            {
                w.Line().Line($"/// <summary>Gets <c>{Naming.Xml(value)}</c>.</summary>").Line($"public static {name} {member} {{ get; }} = new(\"{value}\");");
            }
        }

        w.Line()
            .Line("/// <summary>Gets the wire value.</summary>")
            .Line("public string Value => _value ?? string.Empty;").Line()
            .Line("/// <summary>Compares two values (ordinal, case-insensitive).</summary>")
            .Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);").Line()
            .Line("/// <summary>Compares two values (ordinal, case-insensitive).</summary>")
            .Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);").Line()
            .Line("/// <summary>Converts a wire value.</summary>")
            .Line($"public static implicit operator {name}(string value) => new(value);").Line()
            .Line($"static {name} {RuntimeNames.StringValue}<{name}>.FromValue(string value) => new(value);").Line()
            .Line("/// <summary>Creates a value from its wire form.</summary>")
            .Line("/// <param name=\"value\">The value as the service sends it.</param>")
            .Line($"public static {name} FromString(string value) => new(value);").Line()
            .Line("/// <inheritdoc />")
            .Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);").Line()
            .Line("/// <inheritdoc />")
            .Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);").Line()
            .Line("/// <inheritdoc />")
            .Line("public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);").Line()
            .Line("/// <inheritdoc />")
            .Line("public override string ToString() => Value;")
            .Close();
        return w.ToString();
    }
}
