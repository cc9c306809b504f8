using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>STS: GetSessionToken and AssumeRole, signed with long-term keys, issuing temporary keys.</summary>
internal static class StsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetSessionToken", (call, state) => Issue(call, state, assumeRole: false)),
        new("AssumeRole", (call, state) => Issue(call, state, assumeRole: true)),
    ];

    private static EmulatorResponse Issue(EmulatorCall call, EmulatorState state, bool assumeRole)
    {
        if (call.Caller.IsTemporary)
        {
            throw new EmulatorError(HttpStatusCode.Forbidden, BccErrorCodes.AccessDenied, "STS needs long-term credentials.");
        }

        if (assumeRole && (call.QueryString("accountId") is null || call.QueryString("roleName") is null))
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpRequest, "accountId and roleName are required.");
        }

        int duration = assumeRole ? 7200 : 43200;
        if (call.QueryString("durationSeconds") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration <= 0))
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, BccErrorCodes.InvalidHttpRequest, "durationSeconds must be a positive number.");
        }

        EmulatorKeys.Temporary issued = state.Keys.Issue(call.Now, call.Now.AddSeconds(duration));
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
