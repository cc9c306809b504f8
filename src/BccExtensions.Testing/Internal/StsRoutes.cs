using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>STS: GetSessionToken and AssumeRole, signed with long-term keys, issuing temporary keys.</summary>
internal static class StsRoutes
{
    public static EmulatorResponse? TryHandle(EmulatorCall call, EmulatorKeys keys)
    {
        bool sessionToken = call.Is("POST", "v1", "sessionToken");
        bool assumeRole = call.Is("POST", "v1", "credential") && call.HasFlag("assumeRole");
        if (!sessionToken && !assumeRole)
        {
            return null;
        }

        if (call.Caller.IsTemporary)
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, BccErrorCodes.AccessDenied, "STS needs long-term credentials.");
        }

        if (assumeRole && (call.QueryString("accountId") is null || call.QueryString("roleName") is null))
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpRequest, "accountId and roleName are required.");
        }

        int duration = sessionToken ? 43200 : 7200;
        if (call.QueryString("durationSeconds") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration <= 0))
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpRequest, "durationSeconds must be a positive number.");
        }

        EmulatorKeys.Temporary issued = keys.Issue(call.Now, call.Now.AddSeconds(duration));
        return EmulatorResponse.Ok(new JsonObject
        {
            ["accessKeyId"] = issued.AccessKeyId,
            ["secretAccessKey"] = issued.SecretAccessKey,
            ["sessionToken"] = issued.SessionToken,
            ["createTime"] = Format(call.Now),
            ["expiration"] = Format(issued.Expiration),
            ["userId"] = "emulator-user",
        });
    }

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
