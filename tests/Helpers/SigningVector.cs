using System.Text.Json;

namespace BccExtensions.Tests.Helpers;

/// <summary>One case of TestData/signing-vectors.json.</summary>
public sealed class SigningVector
{
    private static readonly Lazy<IReadOnlyList<SigningVector>> s_all = new(Load);

    public required string Name { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string?>> Query { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string Timestamp { get; init; }

    public required int ExpirationSeconds { get; init; }

    public IList<string>? HeadersToSign { get; init; }

    public string? SessionToken { get; init; }

    public required string ExpectedAuthorization { get; init; }

    public required string ExpectedCanonicalRequest { get; init; }

    public required string ExpectedSigningKey { get; init; }

    public static IReadOnlyList<SigningVector> All => s_all.Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (SigningVector vector in All)
        {
            data.Add(vector.Name);
        }

        return data;
    }

    public static SigningVector Named(string name) => All.Single(v => v.Name == name);

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    private static List<SigningVector> Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "signing-vectors.json")));
        var vectors = new List<SigningVector>();
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            JsonElement input = item.GetProperty("input");
            vectors.Add(new SigningVector
            {
                Name = item.GetProperty("name").GetString()!,
                Method = input.GetProperty("method").GetString()!,
                Path = input.GetProperty("path").GetString()!,
                Query = input.TryGetProperty("query", out JsonElement query)
                    ? query.EnumerateObject().Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString())).ToList()
                    : [],
                Headers = input.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList(),
                AccessKeyId = input.GetProperty("ak").GetString()!,
                SecretAccessKey = input.GetProperty("sk").GetString()!,
                Timestamp = input.GetProperty("timestamp").GetString()!,
                ExpirationSeconds = input.GetProperty("expirationSeconds").GetInt32(),
                HeadersToSign = input.TryGetProperty("headersToSign", out JsonElement list) ? list.EnumerateArray().Select(e => e.GetString()!).ToList() : null,
                SessionToken = input.TryGetProperty("sessionToken", out JsonElement token) ? token.GetString() : null,
                ExpectedAuthorization = item.GetProperty("expectedAuthorization").GetString()!,
                ExpectedCanonicalRequest = item.GetProperty("expectedCanonicalRequest").GetString()!,
                ExpectedSigningKey = item.GetProperty("expectedSigningKey").GetString()!,
            });
        }

        return vectors;
    }
}
