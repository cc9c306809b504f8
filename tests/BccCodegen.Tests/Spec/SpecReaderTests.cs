using System.Text.Json.Nodes;
using BccCodegen.Spec;

namespace BccCodegen.Tests.Spec;

/// <summary>Reads small hand-made specs, so each rule of the reader is seen on its own.</summary>
public sealed class SpecReaderTests : IDisposable
{
    private readonly string _spec = Directory.CreateTempSubdirectory("bcc-spec-").FullName;

    public void Dispose() => Directory.Delete(_spec, recursive: true);

    [Fact]
    public void Read_FlagOperation_FillsVersionAndPathIdAndKeepsTheFlag()
    {
        Write(Operation("AttachVolume", "PUT", "/v{version}/volume/{volumeId}?attach", Url("volumeId"), Body("instanceId", required: true)),
            Map("AttachVolume", "Volumes", "Attach"));

        OperationModel operation = Assert.Single(SpecReader.Read(_spec).Operations);

        Assert.Equal("/v2/volume/{volumeId}", operation.Path);
        Assert.Equal("attach", operation.Flag);
        Assert.Equal(["volumeId"], operation.PathIds);
        FieldModel field = Assert.Single(operation.Request!.Fields);
        Assert.Equal(("InstanceId", true, FieldPosition.Body), (field.Property, field.Required, field.Position));
    }

    [Fact]
    public void Read_ActionStyleOperation_SendsTheFixedActionAndNoActionProperty()
    {
        JsonObject map = Map("DescribeThings", "Maintenance", "ListThings");
        map["operations"]!["DescribeThings"]!["fixed"] = new JsonObject { ["action"] = "DescribeThings" };
        Write(Operation("DescribeThings", "POST", "/", Query("action", required: true), Body("instanceId")), map);

        OperationModel operation = Assert.Single(SpecReader.Read(_spec).Operations);

        Assert.Equal([KeyValuePair.Create("action", "DescribeThings")], operation.FixedQuery);
        Assert.Equal(["instanceId"], operation.Request!.Fields.Select(f => f.Json));
    }

    [Fact]
    public void Read_MarkerInTheBodyAndAPagedAnswer_MakesAPager()
    {
        Write(Operation("ListThings", "POST", "/v{version}/thing/list", Body("marker"), Body("maxKeys", "Integer")),
            Map("ListThings", "Things", "List"),
            response: ("ListThingsResponse", [("marker", "string", false), ("isTruncated", "bool", false), ("nextMarker", "string", false), ("things", "string", true)]));

        OperationModel operation = Assert.Single(SpecReader.Read(_spec).Operations);

        Assert.NotNull(operation.Pager);
        Assert.True(operation.Pager.MarkerInBody);
        Assert.Equal("things", operation.Pager.Items.Json);
    }

    [Fact]
    public void Read_OperationWithoutAMapping_NamesIt()
    {
        Write(Operation("Forgotten", "GET", "/v{version}/forgotten"), Map("Other", "Things", "Get"));

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => SpecReader.Read(_spec));

        Assert.Contains("Forgotten", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AliasThatDiffersOnTheWire_IsRefused()
    {
        JsonObject map = Map("DeleteThing", "Things", "Delete");
        map["operations"]!["DeleteThingAgain"] = new JsonObject { ["area"] = "Things", ["method"] = "Delete", ["aliasOf"] = "DeleteThing" };
        Write([Operation("DeleteThing", "POST", "/v{version}/thing/delete", Body("id")), Operation("DeleteThingAgain", "POST", "/v{version}/thing/remove", Body("id"))], map);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => SpecReader.Read(_spec));

        Assert.Contains("DeleteThingAgain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ClientTokenAndEncryptedPassword_AddsATokenAndMarksThePassword()
    {
        Write(Operation("ChangePass", "PUT", "/v{version}/instance/{instanceId}?changePass", Url("instanceId"), Body("adminPass", required: true)),
            Map("ChangePass", "Instances", "ModifyPassword"), clientToken: true, encrypted: ["adminPass"]);

        TypeModel request = Assert.Single(SpecReader.Read(_spec).Operations).Request!;

        Assert.True(request.Fields.Single(f => f.Json == "adminPass") is { Encrypted: true, InBody: false });
        Assert.True(request.Fields.Single(f => f.Json == "clientToken") is { Position: FieldPosition.Query, Required: false });
    }

    [Fact]
    public void Read_WireFixes_CorrectTheMetadataBeforeTheModelIsBuilt()
    {
        JsonObject map = Map("ResizeThing", "Things", "Resize");
        JsonObject disks = Parameter("disks", "List", "BODY", required: false);
        disks["sub_parameters"] = new JsonArray(Parameter("size", "String", "BODY", required: false));
        Write(Operation("ResizeThing", "PUT", "/v{version}/thing/{thingId}?resize", Url("thingId"), Query("action", required: true), Query("thingName"), Body("protect"), disks),
            map, clientToken: true);
        File.WriteAllText(Path.Combine(_spec, "wire-fixes.json"), """
            {"operations": {"ResizeThing": [
              {"remove": "action", "reason": "r"},
              {"move": "thingName", "to": "BODY", "reason": "r"},
              {"retype": "protect", "type": "Boolean", "reason": "r"},
              {"retype": "disks.size", "type": "Integer", "reason": "r"},
              {"add": {"name": "live", "type": "Boolean", "required": false, "position": "BODY", "desc": "Live."}, "reason": "r"},
              {"add": {"name": "cache", "type": "Boolean", "required": false, "desc": "Cache."}, "under": "disks", "reason": "r"},
              {"clientToken": false, "reason": "r"}
            ]}}
            """);

        ApiModel api = SpecReader.Read(_spec);

        OperationModel operation = Assert.Single(api.Operations);
        Assert.Equal(["thingName", "protect", "disks", "live"], operation.Request!.Fields.Select(f => f.Json));
        Assert.True(operation.Request.Fields.Single(f => f.Json == "thingName") is { Position: FieldPosition.Body });
        Assert.True(operation.Request.Fields.Single(f => f.Json == "protect") is { Type.Kind: TypeKind.Bool });
        TypeModel disk = api.Types.Single(t => t.Name == "ResizeThingDisks");
        Assert.Equal([("size", TypeKind.Int), ("cache", TypeKind.Bool)], disk.Fields.Select(f => (f.Json, f.Type.Kind)));
    }

    [Fact]
    public void Read_WireFixNamingAMissingParameter_IsRefused()
    {
        Write(Operation("GetThing", "GET", "/v{version}/thing"), Map("GetThing", "Things", "Get"));
        File.WriteAllText(Path.Combine(_spec, "wire-fixes.json"), """{"operations": {"GetThing": [{"remove": "nothing", "reason": "r"}]}}""");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => SpecReader.Read(_spec));

        Assert.Contains("GetThing has no parameter nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WaiterThatCannotReadAStatus_IsRefused()
    {
        JsonObject map = Map("GetThing", "Things", "Get");
        map["waiters"] = new JsonObject { ["Things"] = new JsonObject { ["operation"] = "GetThing", ["stuck"] = new JsonArray("Error") } };
        Write(Operation("GetThing", "GET", "/v{version}/thing/{thingId}", Url("thingId")), map);

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => SpecReader.Read(_spec));

        Assert.Contains("The waiter of Things: GetThing does not return one model with an enum status", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Operation(string name, string method, string uri, params JsonObject[] parameters)
    {
        var all = new JsonArray(new JsonObject { ["name"] = "version", ["type"] = "String", ["required"] = true, ["position"] = "URL", ["default"] = "2", ["desc_key"] = "common.version" });
        foreach (JsonObject parameter in parameters)
        {
            all.Add(parameter);
        }

        return new JsonObject { ["name"] = name, ["method"] = method, ["uri"] = uri, ["parameters"] = all, ["desc_key"] = $"bcc.{name}.desc" };
    }

    private static JsonObject Url(string name) => Parameter(name, "String", "URL", required: true);

    private static JsonObject Query(string name, bool required = false) => Parameter(name, "String", "QUERY", required);

    private static JsonObject Body(string name, string type = "String", bool required = false) => Parameter(name, type, "BODY", required);

    private static JsonObject Body(string name, bool required) => Parameter(name, "String", "BODY", required);

    private static JsonObject Parameter(string name, string type, string position, bool required) =>
        new() { ["name"] = name, ["type"] = type, ["required"] = required, ["position"] = position, ["desc_key"] = "bcc.X." + name };

    private static JsonObject Map(string operation, string area, string method) => new()
    {
        ["areas"] = new JsonObject { [area] = "thing" },
        ["typeNames"] = new JsonObject(),
        ["nestedTypes"] = new JsonObject(),
        ["enums"] = new JsonObject(),
        ["fieldEnums"] = new JsonObject(),
        ["sdkTotals"] = new JsonObject { ["Go"] = 1 },
        ["operations"] = new JsonObject { [operation] = new JsonObject { ["area"] = area, ["method"] = method } },
    };

    private void Write(JsonObject operation, JsonObject map, (string Name, (string Json, string Type, bool Array)[] Fields)? response = null, bool clientToken = false, string[]? encrypted = null) =>
        Write([operation], map, response, clientToken, encrypted);

    private void Write(JsonObject[] operations, JsonObject map, (string Name, (string Json, string Type, bool Array)[] Fields)? response = null, bool clientToken = false, string[]? encrypted = null)
    {
        Directory.CreateDirectory(Path.Combine(_spec, "bcc"));
        Directory.CreateDirectory(Path.Combine(_spec, "i18n", "en-US", "bcc"));
        File.WriteAllText(Path.Combine(_spec, "i18n", "en-US", "common.json"), """{"version":"API version"}""");
        var facts = new JsonObject();
        foreach (JsonObject operation in operations)
        {
            string name = operation["name"]!.GetValue<string>();
            File.WriteAllText(Path.Combine(_spec, "bcc", name + ".json"), operation.ToJsonString());
            facts[name] = new JsonObject
            {
                ["response"] = response?.Name,
                ["clientToken"] = clientToken,
                ["encryptedFields"] = new JsonArray((encrypted ?? []).Select(e => (JsonNode)e).ToArray()),
            };
        }

        var types = new JsonObject();
        if (response is { } shape)
        {
            types[shape.Name] = new JsonObject
            {
                ["fields"] = new JsonArray(shape.Fields.Select(f => (JsonNode)new JsonObject { ["json"] = f.Json, ["type"] = f.Type, ["array"] = f.Array, ["map"] = false }).ToArray()),
            };
        }

        File.WriteAllText(Path.Combine(_spec, "bcc-responses.json"), new JsonObject { ["operations"] = facts, ["extraOperations"] = new JsonObject(), ["types"] = types, ["enums"] = new JsonObject() }.ToJsonString());
        File.WriteAllText(Path.Combine(_spec, "extra-operations.json"), """{"operations":[]}""");
        File.WriteAllText(Path.Combine(_spec, "operation-map.json"), map.ToJsonString());
    }
}
