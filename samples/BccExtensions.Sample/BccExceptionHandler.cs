using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BccExtensions.Sample;

/// <summary>Turns BCC errors into ProblemDetails carrying the BCC error code and request id.</summary>
internal sealed class BccExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BccServiceException bcc => new ProblemDetails
            {
                // Client errors pass through; a failing upstream service is a bad gateway for our callers.
                Status = (int)bcc.StatusCode >= 500 ? (int)HttpStatusCode.BadGateway : (int)bcc.StatusCode,
                Title = "BCC refused the request.",
                Detail = bcc.ServiceMessage,
                Extensions = { ["bccCode"] = bcc.ErrorCode, ["bccRequestId"] = bcc.RequestId },
            },
            ArgumentException argument => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Invalid argument.", Detail = argument.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
