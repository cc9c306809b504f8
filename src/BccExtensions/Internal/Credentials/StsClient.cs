using BccExtensions.Internal.Http;
using BccExtensions.Internal.Json;

namespace BccExtensions.Internal.Credentials;

/// <summary>Calls Baidu STS (GetSessionToken or AssumeRole) with the long-term keys.</summary>
internal sealed class StsClient(BccTransport transport, TimeProvider timeProvider)
{
    public async Task<BceCredentials> GetCredentialsAsync(BccOptions options, CancellationToken cancellationToken)
    {
        BccStsOptions sts = options.Sts;
        int duration = sts.EffectiveDurationSeconds;
        BccCall call = sts.UsesAssumeRole
            ? new BccCall("AssumeRole", HttpMethod.Post, "/v1/credential") { Service = "STS" }
                .Flag("assumeRole")
                .Query("accountId", sts.AccountId)
                .Query("roleName", sts.RoleName)
                .Query("userId", string.IsNullOrWhiteSpace(sts.UserId) ? null : sts.UserId)
                .Query("durationSeconds", duration)
            : new BccCall("GetSessionToken", HttpMethod.Post, "/v1/sessionToken") { Service = "STS" }.Query("durationSeconds", duration);

        DateTimeOffset requested = timeProvider.GetUtcNow();
        StsCredentialsResponse response = await transport.SendAsync(call, BccWireJsonContext.Default.StsCredentialsResponse, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.AccessKeyId) || string.IsNullOrEmpty(response.SecretAccessKey) || string.IsNullOrEmpty(response.SessionToken))
        {
            throw new InvalidOperationException("STS answered without accessKeyId, secretAccessKey or sessionToken.");
        }

        try
        {
            return new BceCredentials(response.AccessKeyId, response.SecretAccessKey, response.SessionToken, response.Expiration ?? requested.AddSeconds(duration));
        }
        catch (ArgumentException exception)
        {
            // A CR or LF in an STS answer would be copied into the headers of every later call.
            throw new InvalidOperationException("STS answered credentials that cannot be sent: " + exception.Message, exception);
        }
    }
}
