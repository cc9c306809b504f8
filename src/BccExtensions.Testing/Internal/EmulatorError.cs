using System.Net;

namespace BccExtensions.Testing.Internal;

/// <summary>A BCE error answer, thrown by route handlers and written as <c>{code, message, requestId}</c>.</summary>
internal sealed class EmulatorError(HttpStatusCode status, string code, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;

    public static EmulatorError BadRequest(string message) => new(HttpStatusCode.BadRequest, BccErrorCodes.InappropriateJson, message);

    /// <summary>Answers a request naming a resource that does not exist: 404 <c>NoSuchObject</c>, as BCE does.</summary>
    public static EmulatorError NotFound(string what) => new(HttpStatusCode.NotFound, BccErrorCodes.NoSuchObject, what + " does not exist.");

    /// <summary>Answers a request that is no BCC or STS operation at all: 404, naming method and path.</summary>
    public static EmulatorError NoOperation(string method, IEnumerable<string> segments) =>
        new(HttpStatusCode.NotFound, BccErrorCodes.NotFound, $"No BCC operation matches {method} /{string.Join('/', segments)}.");

    /// <summary>Answers a BCC operation the emulator knows but does not model: 501 naming it.</summary>
    public static EmulatorError NotModelled(KnownOperation operation) =>
        new(HttpStatusCode.NotImplemented, "NotImplemented", $"The emulator does not model BCC operation {operation.Name}.");

    public static EmulatorError Conflict(string code, string message) => new(HttpStatusCode.Conflict, code, message);
}
