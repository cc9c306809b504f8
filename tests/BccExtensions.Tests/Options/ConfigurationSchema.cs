using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BccExtensions.Aspire;
using BccExtensions.Internal.Validation;

namespace BccExtensions.Tests.Options;

/// <summary>
/// Writes the JSON schemas the packages ship for appsettings*.json (ConfigurationSchema.json): every key
/// <see cref="BccOptions"/> binds (<see cref="BccConfigurationKeys.Known"/>), typed from the properties, described from
/// the XML docs, with the defaults of a new <see cref="BccOptions"/>; unknown keys are refused as at startup.
/// </summary>
internal static partial class ConfigurationSchema
{
    // The TimeSpan forms the configuration binder reads ([-][d.]hh:mm[:ss[.fffffff]] or whole days), as Aspire's schemas write it.
    private const string TimeSpanPattern = @"^-?(\d{1,7}|((\d{1,7}[\.:])?(([01]?\d|2[0-3]):[0-5]?\d|([01]?\d|2[0-3]):[0-5]?\d:[0-5]?\d)(\.\d{1,7})?))$";

    private const string SecretNote = " Keep it out of appsettings.json: use user secrets or an environment variable.";

    private static readonly HashSet<string> s_secrets = new(["AccessKeyId", "SecretAccessKey", "SessionToken", "Proxy:Password"], StringComparer.Ordinal);

    private static readonly Dictionary<string, string> s_docs = LoadDocs();

    /// <summary>Gets the schema of the core package: <c>Bcc</c>, <c>Bcc:Clients:{name}</c> and <c>Bcc:Defaults</c>.</summary>
    public static JsonObject Core()
    {
        JsonObject root = Client();
        root["description"] = "The unnamed BCC client (services.AddBccClient()); Bcc:Clients holds named clients and Bcc:Defaults what every client starts from.";
        root["properties"]!["Clients"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Named BCC clients (services.AddBccClient(\"name\")), injected as [FromKeyedServices(\"name\")] IBccClient.",
            ["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/bccClient" },
        };
        root["properties"]!["Defaults"] = new JsonObject
        {
            ["$ref"] = "#/definitions/bccClient",
            ["description"] = "Settings every BCC client starts from; a client's own section overrides them.",
        };
        return Document(new JsonObject { ["Bcc"] = root }, new JsonObject { ["bccClient"] = Client() });
    }

    /// <summary>Gets the schema of the Aspire package: <c>Aspire:Baidu:Bcc</c>, its named sections and <c>ConnectionStrings</c>.</summary>
    public static JsonObject Aspire()
    {
        JsonObject section = AspireClient();
        section["description"] = "Settings of every BCC client added with builder.AddBccClient or AddKeyedBccClient; a section named after a client's connection name holds that client's own.";
        section["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/aspireBccClient" };
        var properties = new JsonObject
        {
            ["Aspire"] = Object(new JsonObject { ["Baidu"] = Object(new JsonObject { ["Bcc"] = section }) }),
            ["ConnectionStrings"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "A BCC client's connection string: the endpoint as a URI, or Endpoint=...;Region=...;AccessKeyId=...;SecretAccessKey=...;SessionToken=... (keys in any case)." + SecretNote,
                ["additionalProperties"] = new JsonObject { ["type"] = "string" },
            },
        };
        return Document(properties, new JsonObject { ["aspireBccClient"] = AspireClient() });
    }

    private static JsonObject Document(JsonObject properties, JsonObject definitions) => new()
    {
        ["$schema"] = "http://json-schema.org/draft-07/schema#",
        ["type"] = "object",
        ["definitions"] = definitions,
        ["properties"] = properties,
    };

    private static JsonObject Object(JsonObject properties) => new() { ["type"] = "object", ["properties"] = properties };

    private static JsonObject AspireClient()
    {
        JsonObject client = Client();
        JsonObject properties = client["properties"]!.AsObject();
        foreach (PropertyInfo property in typeof(BccClientSettings).GetProperties())
        {
            JsonObject schema = Scalar(property.PropertyType, property.GetValue(new BccClientSettings()));
            schema["description"] = Describe(property) + (property.Name == nameof(BccClientSettings.ConnectionString) ? SecretNote : string.Empty);
            properties[property.Name] = schema;
        }

        return client;
    }

    /// <summary>One client's options as a closed object: the keys <see cref="BccConfigurationKeys.Known"/> lists.</summary>
    private static JsonObject Client()
    {
        var root = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject(), ["additionalProperties"] = false };
        object defaults = new BccOptions();
        foreach (string key in BccConfigurationKeys.Known)
        {
            JsonObject parent = root;
            Type type = typeof(BccOptions);
            object? value = defaults;
            PropertyInfo? property = null;
            string[] segments = key.Split(':');
            foreach (string segment in segments)
            {
                if (property is not null)
                {
                    parent = parent["properties"]![property.Name]!.AsObject();
                }

                property = type.GetProperty(segment) ?? throw new InvalidOperationException($"{key}: {type.Name} has no {segment}");
                type = property.PropertyType;
                value = value is null ? null : property.GetValue(value);
            }

            JsonObject schema = IsObject(type)
                ? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject(), ["additionalProperties"] = false }
                : Scalar(type, value);
            if (Describe(property!) is { Length: > 0 } description)
            {
                schema["description"] = description + (s_secrets.Contains(key) ? SecretNote : string.Empty);
            }

            parent["properties"]![property!.Name] = schema;
        }

        return root;
    }

    private static bool IsObject(Type type) => type.IsClass && type != typeof(string) && type != typeof(Uri) && !IsList(type);

    private static bool IsList(Type type) => type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable));

    private static JsonObject Scalar(Type type, object? value)
    {
        Type plain = Nullable.GetUnderlyingType(type) ?? type;
        JsonObject schema = plain switch
        {
            _ when plain == typeof(bool) => new JsonObject { ["type"] = "boolean" },
            _ when plain == typeof(int) || plain == typeof(long) => new JsonObject { ["type"] = "integer" },
            _ when plain == typeof(double) => new JsonObject { ["type"] = "number" },
            _ when plain == typeof(TimeSpan) => new JsonObject { ["type"] = "string", ["pattern"] = TimeSpanPattern },
            _ when plain == typeof(Uri) => new JsonObject { ["type"] = "string", ["format"] = "uri-reference" },
            _ when plain.IsEnum => new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames(plain).Select(n => (JsonNode)n)]) },
            _ when IsList(plain) => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            _ => new JsonObject { ["type"] = "string" },
        };
        JsonNode? initial = value switch
        {
            null or System.Collections.IEnumerable and not string => null,
            bool b => b,
            int i => i,
            long l => l,
            double d => d,
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            _ => value.ToString(),
        };
        if (initial is not null)
        {
            schema["default"] = initial;
        }

        return schema;
    }

    /// <summary>A member's XML doc summary as plain text, without "Gets or sets" (empty where the docs are not ours).</summary>
    private static string Describe(PropertyInfo property)
    {
        if (!s_docs.TryGetValue($"P:{property.DeclaringType!.FullName}.{property.Name}", out string? summary))
        {
            return string.Empty;
        }

        string text = Whitespace().Replace(summary, " ").Trim();
        text = Regex.Replace(text, "^Gets or sets (whether )?", match => match.Groups[1].Success ? "Whether " : string.Empty);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static Dictionary<string, string> LoadDocs()
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in new[] { "BccExtensions.xml", "BccExtensions.Aspire.xml" })
        {
            foreach (XElement member in XDocument.Load(Path.Combine(AppContext.BaseDirectory, file)).Root!.Element("members")!.Elements("member"))
            {
                if (member.Element("summary") is { } summary)
                {
                    docs[(string)member.Attribute("name")!] = string.Concat(summary.Nodes().Select(Text));
                }
            }
        }

        return docs;
    }

    private static string Text(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.', ':')[^1] ?? see.Value,
        XElement element => string.Concat(element.Nodes().Select(Text)),
        _ => string.Empty,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
