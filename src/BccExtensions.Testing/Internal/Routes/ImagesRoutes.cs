using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Images: custom images made from instances or imported, beside four seeded system images, and the OS catalogue.</summary>
internal static class ImagesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateImage", Create),
        new("ListImages", (call, state) =>
        {
            string type = call.QueryString("imageType") ?? "All";
            IEnumerable<EmulatedImage> images = type == "All" ? state.Images : state.Images.Where(i => i.Type == type);
            return EmulatorPaging.Page(call, EmulatedResource.RefreshAll(images, call.Now), "images", i => i.ToJson());
        }),
        new("GetImage", (call, state) => EmulatorResponse.Ok(new JsonObject { ["image"] = Find(call, state).ToJson() })),
        new("DeleteImage", Delete),
        new("ImportImage", Import),
        new("ListOs", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["osInfo"] = new JsonArray([.. call.Strings("instanceIds").Select(id =>
            {
                EmulatedInstance instance = state.FindInstance(id, call.Now);
                EmulatedImage image = state.Images.First(i => i.Id == instance.ImageId);
                return (JsonNode)new JsonObject
                {
                    ["instanceId"] = instance.Id,
                    ["osArch"] = "x86_64 (64bit)",
                    ["osName"] = image.OsName,
                    ["osVersion"] = image.OsVersion,
                    ["osType"] = image.OsType,
                    ["osLang"] = "ENG",
                };
            })]),
        })),
        new("GetAvailableImagesBySpec", (call, state) =>
        {
            string spec = call.QueryString("spec") ?? throw EmulatorError.BadRequest("'spec' is required.");
            if (!state.Specs.ContainsKey(spec))
            {
                throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
            }

            IEnumerable<EmulatedImage> images = EmulatorRoutes.Filter(state.Images.Where(i => i.Type == "System"), call.QueryString("osName"), (i, v) => i.OsName.Equals(v, StringComparison.OrdinalIgnoreCase));
            return EmulatorPaging.Page(call, images.ToList(), "images", i => i.ToSystemJson());
        }),
    ];

    private static EmulatedImage Find(EmulatorCall call, EmulatorState state) => EmulatorState.Find(state.Images, call.PathValue("imageId"), "Image", call.Now);

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
        instance.RequireStatus("Instance.CreateImageOperationForbidden", "Running", "Stopped");
        var image = new EmulatedImage
        {
            Id = EmulatorState.NewId("m"),
            Name = call.RequiredString("imageName"),
            Type = "Custom",
            OsName = state.Images.First(i => i.Id == instance.ImageId).OsName,
            CreateTime = call.Now,
            SourceInstanceId = instance.Id,
        };
        image.Transition("Creating", "Available", call.Now, state.TransitionDelay);
        instance.Transition("ImageProcessing", instance.Status, call.Now, state.TransitionDelay);
        state.Images.Add(image);
        return EmulatorResponse.Ok(new JsonObject { ["imageId"] = image.Id });
    }

    private static EmulatorResponse Delete(EmulatorCall call, EmulatorState state)
    {
        EmulatedImage found = Find(call, state);
        if (found.Type != "Custom")
        {
            throw EmulatorError.Conflict("Image.DeleteOperationForbidden", "Only custom images can be deleted.");
        }

        state.Images.Remove(found);
        return EmulatorResponse.Ok();
    }

    /// <summary>Imports an image from a BOS object: Creating, then Available.</summary>
    private static EmulatorResponse Import(EmulatorCall call, EmulatorState state)
    {
        string url = call.RequiredString("bosUrl");
        if (!url.StartsWith("bos://", StringComparison.Ordinal) && !url.StartsWith("http", StringComparison.Ordinal))
        {
            throw EmulatorError.BadRequest("'bosUrl' must be a BOS object's address.");
        }

        var image = new EmulatedImage
        {
            Id = EmulatorState.NewId("m"),
            Name = call.RequiredString("name"),
            Type = "Custom",
            OsName = call.RequiredString("osName"),
            OsVersion = call.String("osVersion") ?? string.Empty,
            CreateTime = call.Now,
        };
        image.Transition("Creating", "Available", call.Now, state.TransitionDelay);
        state.Images.Add(image);
        return EmulatorResponse.Ok(new JsonObject { ["id"] = image.Id });
    }
}
