using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>What a route answers: a status and an optional JSON body.</summary>
internal sealed record EmulatorResponse(HttpStatusCode Status, JsonNode? Body)
{
    public static EmulatorResponse Ok(JsonNode? body = null) => new(HttpStatusCode.OK, body);
}
