using System.Text.Json.Nodes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Clients;

/// <summary>The comparison behind <see cref="SdkDialectTests"/> reports each kind of drift it is there to catch.</summary>
public sealed class RequestDialectTests
{
    private static readonly HashSet<string> s_none = [];

    [Fact]
    public void FlagSentAsValue_IsReported()
    {
        SdkRequest sdk = Request("PUT", "/v2/instanceBySpec/i-1", [new("resize", null)]);
        SdkRequest ours = Request("PUT", "/v2/instanceBySpec/i-1", [new("resize", null), new("action", "resize")]);

        Assert.Equal(["query action: we send it, the SDK does not"], RequestDialect.Compare(ours, sdk, s_none));
        Assert.Equal(["query resize: we send a value, the SDK a flag"], RequestDialect.Compare(Request("PUT", "/v2/instanceBySpec/i-1", [new("resize", "")]), sdk, s_none));
    }

    [Fact]
    public void MemberInTheQueryInsteadOfTheBody_IsReported()
    {
        SdkRequest sdk = Request("POST", "/v2/instance/delete", [], """{"instanceId":"i-1"}""");
        SdkRequest ours = Request("POST", "/v2/instance/delete", [new("instanceId", "i-1")], "{}");

        Assert.Equal(
            ["query instanceId: we send it, the SDK does not", "body.instanceId: the SDK sends a string, we do not"],
            RequestDialect.Compare(ours, sdk, s_none));
    }

    [Fact]
    public void NestedKindAndShape_AreReported()
    {
        SdkRequest sdk = Request("POST", "/v2/volume", [], """{"createCdsList":[{"enableDeleteProtection":true}],"autoSnapshotPolicy":[{"autoSnapshotPolicyId":"a"}],"deletionProtection":1}""");
        SdkRequest ours = Request("POST", "/v2/volume", [], """{"createCdsList":[{"enableDeleteProtection":"true"}],"autoSnapshotPolicy":{"id":"a"},"deletionProtection":"1"}""");

        Assert.Equal(
            [
                "body.autoSnapshotPolicy: we send an object, the SDK an array",
                "body.createCdsList[0].enableDeleteProtection: we send a string, the SDK a boolean",
                "body.deletionProtection: we send a string, the SDK a number",
            ],
            RequestDialect.Compare(ours, sdk, s_none));
    }

    [Fact]
    public void GoZeroValues_TokenValuesAndEncryptedValues_AreNotDifferences()
    {
        SdkRequest sdk = Request("POST", "/v2/instance", [new("clientToken", "a")], """{"name":"","count":0,"flag":false,"adminPass":"x1"}""");
        SdkRequest ours = Request("POST", "/v2/instance", [new("clientToken", "b")], """{"adminPass":"x2"}""");

        Assert.Empty(RequestDialect.Compare(ours, sdk, new HashSet<string> { "adminPass" }));
        Assert.Equal(["body.adminPass: we send \"x2\", the SDK \"x1\""], RequestDialect.Compare(ours, sdk, s_none));
    }

    [Fact]
    public void Route_IsReported()
    {
        Assert.Equal(
            ["route: we send POST /v2/reservedInstance/price, the SDK POST /v2/v2/reservedInstance/price"],
            RequestDialect.Compare(Request("POST", "/v2/reservedInstance/price", []), Request("POST", "/v2/v2/reservedInstance/price", []), s_none));
    }

    private static SdkRequest Request(string method, string path, QueryPart[] query, string? body = null) =>
        new(method, path, query, body is null ? null : JsonNode.Parse(body), null);
}
