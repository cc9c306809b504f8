using System.Globalization;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BccExtensions;

/// <summary>
/// Probes BCC with one cheap signed read (ListZones) through the client's whole pipeline: Healthy when it answers in
/// time; Degraded when it throttles (429) or answers slower than <see cref="BccHealthCheckOptions.DegradedAfter"/>;
/// the failure status when it refuses the credentials, fails, or does not answer within
/// <see cref="BccHealthCheckOptions.Timeout"/>. The data carry BCC's status, error code and request id, never a secret.
/// </summary>
internal sealed class BccHealthCheck(IBccZonesClient zones, BccHealthCheckOptions options, TimeProvider time) : IHealthCheck
{
    private static readonly HashSet<string> s_credentialCodes = new(StringComparer.Ordinal)
    {
        BccErrorCodes.AccessDenied, BccErrorCodes.InvalidAccessKeyId, BccErrorCodes.SignatureDoesNotMatch,
        BccErrorCodes.RequestExpired, BccErrorCodes.InvalidHttpAuthHeader,
    };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        HealthStatus failure = context.Registration?.FailureStatus ?? options.FailureStatus;
        long started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await zones.ListAsync(linked.Token).ConfigureAwait(false);
            TimeSpan elapsed = time.GetElapsedTime(started);
            var data = new Dictionary<string, object> { ["elapsedMs"] = Milliseconds(elapsed) };
            return elapsed > options.DegradedAfter
                ? HealthCheckResult.Degraded(Format($"BCC answered in {Milliseconds(elapsed)} ms, slower than {Milliseconds(options.DegradedAfter)} ms."), data: data)
                : HealthCheckResult.Healthy(Format($"BCC answered in {Milliseconds(elapsed)} ms."), data);
        }
        catch (BccServiceException error)
        {
            var data = new Dictionary<string, object>
            {
                ["elapsedMs"] = Milliseconds(time.GetElapsedTime(started)),
                ["statusCode"] = (int)error.StatusCode,
                ["errorCode"] = error.ErrorCode,
            };
            if (error.RequestId is { } requestId)
            {
                data["requestId"] = requestId;
            }

            string answer = Format($"{(int)error.StatusCode} {error.ErrorCode} (request id {error.RequestId ?? "none"})");
            if (error.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return HealthCheckResult.Degraded($"BCC is throttling: {answer}.", error, data);
            }

            bool credentials = error.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || s_credentialCodes.Contains(error.ErrorCode);
            return new HealthCheckResult(failure, credentials ? $"BCC refused the credentials: {answer}." : $"BCC failed the check: {answer}.", error, data);
        }
        catch (OperationCanceledException error) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, Format($"No answer from BCC within {Milliseconds(options.Timeout)} ms."), error, Elapsed(started));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Connection refused, circuit open, an answer that is not BCC's: nothing came back that says BCC is well.
            return new HealthCheckResult(failure, $"No answer from BCC: {error.GetType().Name}: {error.Message}", error, Elapsed(started));
        }
    }

    private Dictionary<string, object> Elapsed(long started) => new() { ["elapsedMs"] = Milliseconds(time.GetElapsedTime(started)) };

    private static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
