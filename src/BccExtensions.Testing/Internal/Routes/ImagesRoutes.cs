using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Images: custom images made from instances, beside four seeded system images.</summary>
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
}
