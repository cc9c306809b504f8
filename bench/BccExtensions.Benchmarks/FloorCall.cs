using System.Text.Json;
using BccExtensions.Internal.Signing;
using BccExtensions.Models;

namespace BccExtensions.Benchmarks;

/// <summary>
/// The floors' ListInstances call: the same signed GET and source-generated read the library does, by hand, on a
/// raw <see cref="HttpClient"/> or one from <see cref="IHttpClientFactory"/> with the standard resilience handler.
/// </summary>
internal static class FloorCall
{
    private static readonly BceCredentials s_credentials = new(PageServer.AccessKeyId, PageServer.SecretAccessKey);
    private static readonly BceSigningOptions s_signing = new();

    /// <summary>Makes the call and answers the number of instances on the page.</summary>
    public static async Task<int> ListAsync(HttpClient http, Uri uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        BceSigningHandler.Sign(request, uri, s_credentials, DateTimeOffset.UtcNow, s_signing);
        using HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        return JsonSerializer.Deserialize(body, BccJsonContext.Default.ListInstancesResponse)!.Instances.Count;
    }
}
