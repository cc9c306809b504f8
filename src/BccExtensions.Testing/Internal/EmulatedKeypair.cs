using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>An SSH key pair; the private key is returned once, at creation.</summary>
internal sealed class EmulatedKeypair : EmulatedResource
{
    public required string Name { get; set; }

    public string Description { get; set; } = string.Empty;

    public required string PublicKey { get; init; }

    public required string Fingerprint { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public JsonObject ToJson(int instanceCount, string? privateKey = null)
    {
        var json = new JsonObject
        {
            ["keypairId"] = Id,
            ["name"] = Name,
            ["description"] = Description,
            ["publicKey"] = PublicKey,
            ["fingerPrint"] = Fingerprint,
            ["regionId"] = "bj",
            ["createdTime"] = Timestamp(CreateTime),
            ["instanceCount"] = instanceCount,
        };
        if (privateKey is not null)
        {
            json["privateKey"] = privateKey;
        }

        return json;
    }
}
