using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BccExtensions.Internal.Json;
using BccExtensions.Internal.Operations;
using BccExtensions.Internal.Signing;

namespace BccExtensions.Internal.Http;

/// <summary>
/// One BCC operation call: method, encoded path, query and JSON body. Built once per call, so a generated
/// clientToken is the same on every retry.
/// </summary>
internal sealed class BccCall
{
    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json") { CharSet = "utf-8" };

    private List<KeyValuePair<string, string?>>? _query;
    private byte[]? _body;
    private BcePasswordBody? _passwordBody;

    /// <summary>Creates a call; the template's <c>{name}</c> holes are filled with validated, encoded ids.</summary>
    /// <exception cref="ArgumentException">An id is empty or has characters that would change the path.</exception>
    public BccCall(string operation, HttpMethod method, string pathTemplate, params ReadOnlySpan<(string Name, string Value)> ids)
    {
        Operation = operation;
        Method = method;
        PathTemplate = pathTemplate;
        Path = FormatPath(pathTemplate, ids);
    }

    /// <summary>Gets Baidu's operation name (<c>rpc.method</c>), for logs and telemetry.</summary>
    public string Operation { get; }

    /// <summary>Gets the Baidu service the call goes to (<c>rpc.service</c>): <c>BCC</c>, or <c>STS</c> for credentials.</summary>
    public string Service { get; init; } = "BCC";

    public HttpMethod Method { get; }

    /// <summary>Gets the path with its id holes, for logs.</summary>
    public string PathTemplate { get; }

    /// <summary>Gets the percent-encoded path.</summary>
    public string Path { get; }

    /// <summary>
    /// Gets whether sending this call again after an ambiguous failure cannot do anything twice: a safe method, or a
    /// <c>clientToken</c> the service deduplicates. The retry rule reads it from the resilience context.
    /// </summary>
    public bool IsReplayable => Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Options
        || (_query?.Exists(parameter => parameter.Key == "clientToken") ?? false);

    /// <summary>Sets the JSON body.</summary>
    public BccCall JsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        _body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return this;
    }

    /// <summary>Sets the JSON body of a request whose paging marker travels in the body, with the marker of the page to read.</summary>
    public BccCall JsonBody<T>(T body, JsonTypeInfo<T> typeInfo, string? marker)
    {
        var node = (JsonObject)JsonSerializer.SerializeToNode(body, typeInfo)!;
        node.Remove("marker");
        if (marker is not null)
        {
            node["marker"] = marker;
        }

        _body = JsonSerializer.SerializeToUtf8Bytes(node, BccWireJsonContext.Default.JsonObject);
        return this;
    }

    /// <summary>
    /// Sets the JSON body of a request with a password member (the model marks the clear one ignored). The signing
    /// handler adds the member encrypted for the credentials of each attempt (<see cref="BcePasswordBody"/>).
    /// </summary>
    public BccCall JsonBodyWithPassword<T>(T body, JsonTypeInfo<T> typeInfo, string member, string? password)
    {
        JsonBody(body, typeInfo);
        _passwordBody = password is null ? null : new BcePasswordBody(_body!, member, password);
        return this;
    }

    /// <summary>Creates the request message of one send to <paramref name="endpoint"/>.</summary>
    public HttpRequestMessage CreateRequest(BccEndpoint endpoint)
    {
        string query = EncodedQuery();
        var request = new HttpRequestMessage(Method, new Uri(endpoint.BaseAddress + Path + (query.Length == 0 ? string.Empty : "?" + query), UriKind.Absolute));
        if (_passwordBody is not null)
        {
            request.Options.Set(BcePasswordBody.Key, _passwordBody);
        }
        else if (_body is not null)
        {
            request.Content = new ByteArrayContent(_body) { Headers = { ContentType = s_jsonContentType } };
        }

        return request;
    }

    private static string FormatPath(string template, params ReadOnlySpan<(string Name, string Value)> ids)
    {
        string path = template;
        foreach ((string name, string value) in ids)
        {
            BccArguments.ThrowIfInvalidId(value, name);
            path = path.Replace("{" + name + "}", BceUriEncoder.Encode(value, keepSlash: false), StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Adds a flag parameter (sent as <c>?name</c>, signed as <c>name=</c>).</summary>
    public BccCall Flag(string name)
    {
        (_query ??= []).Add(new(name, null));
        return this;
    }

    /// <summary>Adds a parameter when the value is not null.</summary>
    public BccCall Query(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= []).Add(new(name, value));
        }

        return this;
    }

    public BccCall Query(string name, int? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture));

    public BccCall Query(string name, long? value) => Query(name, value?.ToString(CultureInfo.InvariantCulture));

    public BccCall Query(string name, bool? value) => Query(name, value is { } flag ? (flag ? "true" : "false") : null);

    /// <summary>Adds a comma-separated list parameter when the list is not empty.</summary>
    /// <exception cref="ArgumentException">A value contains a comma, which the service would read as two values.</exception>
    public BccCall Query(string name, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return this;
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Item {i + 1} of '{name}' contains a comma; the service separates the values of '{name}' with commas and would read it as two.", name);
            }
        }

        return Query(name, string.Join(',', values));
    }

    /// <summary>Writes the encoded query, without <c>?</c>.</summary>
    public string EncodedQuery()
    {
        if (_query is null)
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder();
        foreach ((string name, string? value) in _query)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(BceUriEncoder.Encode(name, keepSlash: false));
            if (value is not null)
            {
                builder.Append('=').Append(BceUriEncoder.Encode(value, keepSlash: false));
            }
        }

        return builder.ToString();
    }
}
