using System.Net;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Internal.Credentials;

public class StsPipelineTests
{
    [Fact]
    public async Task BccCall_StsEnabled_SignsWithTemporaryKeysAndToken()
    {
        await using TestHost host = TestHost.Create(
            (request, _) => request.Uri.Host == "sts.bj.baidubce.com"
                ? StubHandler.Json(HttpStatusCode.OK, """{"accessKeyId":"temp-ak","secretAccessKey":"temp-sk-0123456789abcdef","sessionToken":"tok/en+1=","expiration":"2024-01-02T15:04:05Z"}""")
                : StubHandler.Json(HttpStatusCode.OK, """{"zones":[]}"""),
            new Dictionary<string, string?> { ["Bcc:Sts:Enabled"] = "true", ["Bcc:Sts:DurationSeconds"] = "3600" });

        await host.Client.Zones.ListAsync();
        await host.Client.Zones.ListAsync();

        Assert.Equal(3, host.Stub.Requests.Count);
        RecordedRequest sts = host.Stub.Requests[0];
        Assert.Equal("POST", sts.Method);
        Assert.Equal("/v1/sessionToken?durationSeconds=3600", sts.Uri.PathAndQuery);
        Assert.StartsWith("bce-auth-v1/" + TestHost.AccessKeyId + "/", sts.Header("Authorization"), StringComparison.Ordinal);
        Assert.Null(sts.Header("x-bce-security-token"));
        Assert.All(host.Stub.Requests.Skip(1), bcc =>
        {
            Assert.StartsWith("bce-auth-v1/temp-ak/", bcc.Header("Authorization"), StringComparison.Ordinal);
            Assert.Equal("tok/en+1=", bcc.Header("x-bce-security-token"));
            Assert.Contains("x-bce-security-token/", bcc.Header("Authorization"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task BccCall_AssumeRole_CallsCredentialWithRoleParameters()
    {
        await using TestHost host = TestHost.Create(
            (request, _) => request.Uri.Host == "sts.bj.baidubce.com"
                ? StubHandler.Json(HttpStatusCode.OK, """{"accessKeyId":"role-ak","secretAccessKey":"role-sk-0123456789abcdef","sessionToken":"t","expiration":"2024-01-02T05:04:05Z"}""")
                : StubHandler.Json(HttpStatusCode.OK, """{"zones":[]}"""),
            new Dictionary<string, string?> { ["Bcc:Sts:Enabled"] = "true", ["Bcc:Sts:AccountId"] = "acc-1", ["Bcc:Sts:RoleName"] = "ops" });

        await host.Client.Zones.ListAsync();

        Assert.Equal("/v1/credential?assumeRole&accountId=acc-1&roleName=ops&durationSeconds=7200", host.Stub.Requests[0].Uri.PathAndQuery);
        Assert.StartsWith("bce-auth-v1/role-ak/", host.Stub.Requests[1].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BccCall_StsRefusesKeys_FailsWithCredentialErrorAndNoBccRequest()
    {
        await using TestHost host = TestHost.Create(
            (_, _) => StubHandler.Json(HttpStatusCode.Forbidden, """{"code":"InvalidAccessKeyId","message":"bad key","requestId":"sts-1"}"""),
            new Dictionary<string, string?> { ["Bcc:Sts:Enabled"] = "true" });

        BceCredentialException error = await Assert.ThrowsAsync<BceCredentialException>(() => host.Client.Zones.ListAsync());

        Assert.IsType<BccServiceException>(error.InnerException);
        Assert.All(host.Stub.Requests, r => Assert.Equal("sts.bj.baidubce.com", r.Uri.Host));
    }
}
