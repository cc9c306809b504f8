using System.Globalization;
using System.Net;

namespace BccExtensions;

/// <summary>
/// Thrown for every non-2xx answer of the BCC service, with the BCE error code, the service's message and the
/// request id to quote to Baidu support. Transport failures and cancellation are not wrapped.
/// </summary>
/// <remarks>
/// Every instance stands for an answer, so every constructor takes its status and code: there is no parameterless or
/// message-only constructor that would have to invent them.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "An answer's status and code are required; see remarks.")]
public sealed class BccServiceException : Exception
{
    /// <summary>Creates the exception for a service answer.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The BCE error code, e.g. <see cref="BccErrorCodes.SignatureDoesNotMatch"/>.</param>
    /// <param name="serviceMessage">The message from the service.</param>
    /// <param name="requestId">The request id, or <see langword="null"/> when the service sent none.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BccServiceException(HttpStatusCode statusCode, string errorCode, string serviceMessage, string? requestId, Exception? innerException = null)
        : base(FormatMessage(statusCode, errorCode, serviceMessage, requestId), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the BCE error code (see <see cref="BccErrorCodes"/>); dotted codes such as <c>Instance.…</c> are BCC-specific.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the message the service sent.</summary>
    public string ServiceMessage { get; }

    /// <summary>Gets the request id from the body or the <c>x-bce-request-id</c> header.</summary>
    public string? RequestId { get; }

    private static string FormatMessage(HttpStatusCode statusCode, string errorCode, string serviceMessage, string? requestId) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"BCC returned {(int)statusCode} {errorCode}: {(serviceMessage.Length == 0 ? "(no message)" : serviceMessage)} (request id: {requestId ?? "none"})");
}
