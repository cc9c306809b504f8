using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>
/// BCC's marker paging: <c>marker</c> is the id to start at, <c>maxKeys</c> 1–1000 (default 1000), in the query or, for
/// the lists BCC reads with POST, in the body.
/// </summary>
internal static class EmulatorPaging
{
    public static EmulatorResponse Page<T>(EmulatorCall call, IReadOnlyList<T> all, string resultKey, Func<T, JsonNode> toJson)
        where T : EmulatedResource
    {
        int maxKeys = 1000;
        if (call.QueryOrBody("maxKeys") is { } text && (!int.TryParse(text, out maxKeys) || maxKeys is < 1 or > 1000))
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpRequest, "maxKeys must be 1–1000.");
        }

        string? marker = call.QueryOrBody("marker");
        int start = marker is null ? 0 : all.ToList().FindIndex(item => item.Id == marker);
        if (start < 0)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpRequest, $"Unknown marker '{marker}'.");
        }

        List<T> page = all.Skip(start).Take(maxKeys).ToList();
        bool truncated = start + page.Count < all.Count;
        var body = new JsonObject
        {
            ["marker"] = marker ?? string.Empty,
            ["isTruncated"] = truncated,
            ["maxKeys"] = maxKeys,
            [resultKey] = new JsonArray(page.Select(toJson).ToArray()),
        };
        if (truncated)
        {
            body["nextMarker"] = all[start + page.Count].Id;
        }

        return EmulatorResponse.Ok(body);
    }
}
