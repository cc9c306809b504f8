using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using BccExtensions.Internal.Json;
using Microsoft.Extensions.Logging;

namespace BccExtensions.Internal.Signing;

/// <summary>
/// Signs every attempt with bce-auth-v1: sets <c>Host</c>, a fresh <c>x-bce-date</c> and <c>x-bce-request-id</c>,
/// the STS token, and replaces <c>Authorization</c>. It sits inside the resilience handler, so each retry is
/// re-signed. A <c>RequestExpired</c> answer teaches it the clock skew and the request is re-signed and sent once more.
/// A request carrying a <see cref="BcePasswordBody"/> gets its body written per attempt, encrypted for the signing credentials.
/// </summary>
internal sealed class BceSigningHandler(
    IBceCredentialProvider credentialProvider,
    Func<BceSigningOptions> signingOptions,
    BceClockSkew clockSkew,
    TimeProvider timeProvider,
    ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new InvalidOperationException("A signed request needs an absolute RequestUri.");
        }

        HttpResponseMessage response = await SignAndSendAsync(request, uri, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.BadRequest
            || !BceErrorBody.IsRequestExpired(await BccAnswerBody.ReadAsync(response, cancellationToken).ConfigureAwait(false))
            || !clockSkew.TryLearn(response.Headers.Date, timeProvider.GetUtcNow()))
        {
            return response;
        }

        SigningLog.ClockSkewCorrected(logger, clockSkew.Offset.TotalSeconds);
        response.Dispose();
        return await SignAndSendAsync(request, uri, cancellationToken).ConfigureAwait(false);
    }

    // Not async when the credentials are at hand (the usual case): one state machine fewer per attempt.
    private Task<HttpResponseMessage> SignAndSendAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        ValueTask<BceCredentials> credentials = credentialProvider.GetCredentialsAsync(cancellationToken);
        return credentials.IsCompletedSuccessfully
            ? SignAndSend(request, uri, credentials.Result, cancellationToken)
            : SignWhenReadyAndSendAsync(request, uri, credentials, cancellationToken);
    }

    private async Task<HttpResponseMessage> SignWhenReadyAndSendAsync(HttpRequestMessage request, Uri uri, ValueTask<BceCredentials> credentials, CancellationToken cancellationToken) =>
        await SignAndSend(request, uri, await credentials.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> SignAndSend(HttpRequestMessage request, Uri uri, BceCredentials credentials, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(BcePasswordBody.Key, out BcePasswordBody? passwordBody))
        {
            request.Content = passwordBody.ContentFor(credentials);
        }

        Sign(request, uri, credentials, timeProvider.GetUtcNow() + clockSkew.Offset, signingOptions());
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Sets the signing headers and the Authorization header of one attempt.</summary>
    internal static void Sign(HttpRequestMessage request, Uri uri, BceCredentials credentials, DateTimeOffset now, BceSigningOptions options)
    {
        HttpRequestHeaders headers = request.Headers;
        headers.Remove(BceHeaderNames.Authorization);
        headers.Remove(BceHeaderNames.Date);
        headers.Remove(BceHeaderNames.SecurityToken);
        headers.Remove(BceHeaderNames.RequestId);

        string host = uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (headers.Host != host)
        {
            headers.Host = host;
        }

        string timestamp = BceSigner.FormatTimestamp(now);
        headers.TryAddWithoutValidation(BceHeaderNames.Date, timestamp);
        string pathAndQuery = uri.PathAndQuery;
        int queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        ReadOnlySpan<char> path = queryStart < 0 ? pathAndQuery : pathAndQuery.AsSpan(0, queryStart);
        ReadOnlySpan<char> query = queryStart < 0 ? [] : pathAndQuery.AsSpan(queryStart + 1);
        if (credentials.SessionToken is { } token && !BceQuery.HasParameter(query, BceHeaderNames.SecurityToken))
        {
            headers.TryAddWithoutValidation(BceHeaderNames.SecurityToken, token);
        }

        headers.TryAddWithoutValidation(BceHeaderNames.RequestId, BceRequestId.Next());

        // Content-Length is computed lazily by HttpClient; computing it now makes it a header we can sign.
        _ = request.Content?.Headers.ContentLength;

        IList<string>? headersToSign = options.HeadersToSign is { Count: > 0 } custom ? custom : null;
        BceHeader[] signed = ArrayPool<BceHeader>.Shared.Rent(16);
        try
        {
            int count = Collect(headers.NonValidated, headersToSign, ref signed, 0);
            if (request.Content is { } content)
            {
                count = Collect(content.Headers.NonValidated, headersToSign, ref signed, count);
            }

            string authorization = BceSigner.Sign(
                request.Method.Method,
                path,
                query,
                signed.AsSpan(0, count),
                credentials.AccessKeyId,
                credentials.SecretAccessKey,
                timestamp,
                options.ExpirationSeconds);
            headers.TryAddWithoutValidation(BceHeaderNames.Authorization, authorization);
        }
        finally
        {
            ArrayPool<BceHeader>.Shared.Return(signed, clearArray: true);
        }
    }

    private static int Collect(HttpHeadersNonValidated source, IList<string>? headersToSign, ref BceHeader[] signed, int count)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in source)
        {
            string name = BceHeader.LowerName(header.Key);
            if (!BceHeader.IsSigned(name, headersToSign))
            {
                continue;
            }

            string value = header.Value.ToString().Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (count == signed.Length)
            {
                BceHeader[] larger = ArrayPool<BceHeader>.Shared.Rent(count * 2);
                signed.AsSpan(0, count).CopyTo(larger);
                ArrayPool<BceHeader>.Shared.Return(signed, clearArray: true);
                signed = larger;
            }

            signed[count++] = new BceHeader(name, value);
        }

        return count;
    }
}
