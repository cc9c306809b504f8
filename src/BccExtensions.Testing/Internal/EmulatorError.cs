using System.Net;

namespace BccExtensions.Testing.Internal;

/// <summary>A BCE error answer, thrown by route handlers and written as <c>{code, message, requestId}</c>.</summary>
internal sealed class EmulatorError(HttpStatusCode status, string code, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;

    public static EmulatorError BadRequest(string message) => new(HttpStatusCode.BadRequest, BccErrorCodes.InappropriateJson, message);

    public static EmulatorError NotFound(string what) => new(HttpStatusCode.NotFound, BccErrorCodes.NotFound, what + " does not exist.");

    public static EmulatorError NotImplemented(string what) => new(HttpStatusCode.NotImplemented, "NotImplemented", $"The emulator does not model this {what}.");

    public static EmulatorError Conflict(string code, string message) => new(HttpStatusCode.Conflict, code, message);
}
