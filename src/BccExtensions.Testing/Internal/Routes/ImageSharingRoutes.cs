using System.Net;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Images beyond their lifecycle: sharing with other accounts, copies to other regions, renaming and tags.</summary>
internal static class ImageSharingRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ShareImage", (call, state) =>
        {
            EmulatedImage image = Custom(call, state);
            JsonObject account = Account(call);
            if (!image.SharedWith.Any(a => SameAccount(a, account)))
            {
                image.SharedWith.Add(account);
            }

            return EmulatorResponse.Ok();
        }),
        new("UnShareImage", (call, state) =>
        {
            EmulatedImage image = Custom(call, state);
            JsonObject account = Account(call);
            if (image.SharedWith.RemoveAll(a => SameAccount(a, account)) == 0)
            {
                throw EmulatorError.NotFound($"A share of {image.Id} with that account");
            }

            return EmulatorResponse.Ok();
        }),
        new("ListSharedUser", (call, state) => EmulatorResponse.Ok(new JsonObject
        {
            ["users"] = new JsonArray([.. Find(call, state).SharedWith.Select(a => a.DeepClone())]),
        })),
        new("RemoteCopyImage", (call, state) =>
        {
            EmulatedImage image = Custom(call, state);
            image.RequireStatus("Image.RemoteCopyOperationForbidden", "Available");
            IReadOnlyList<string> regions = call.Strings("destRegion");
            if (regions.Count == 0)
            {
                throw EmulatorError.BadRequest("'destRegion' is required.");
            }

            foreach (string region in regions)
            {
                state.RequireOtherRegion(region);
            }

            return EmulatorResponse.Ok(new JsonObject
            {
                ["result"] = new JsonArray([.. regions.Select(r => (JsonNode)new JsonObject { ["region"] = r, ["imageId"] = EmulatorState.NewId("m"), ["code"] = "success", ["errMsg"] = string.Empty })]),
            });
        }),
        new("CancelRemoteCopyImage", (call, state) =>
        {
            Custom(call, state);
            return EmulatorResponse.Ok();
        }),
        new("RenameImage", (call, state) =>
        {
            string name = call.RequiredString("name");
            IReadOnlyList<string> ids = call.ListOrSingle("imageIds", "imageId");
            if (ids.Count == 0)
            {
                throw EmulatorError.BadRequest("'imageId' is required.");
            }

            List<EmulatedImage> images = [.. ids.Select(id => EmulatorState.Find(state.Images, id, "Image", call.Now))];
            images.ForEach(i => RequireCustom(i));
            images.ForEach(i => i.Name = name);
            return EmulatorResponse.Ok();
        }),
        new("BindTagImage", (call, state) => TagsRoutes.Change(call, Find(call, state), bind: true)),
        new("UnbindTagImage", (call, state) => TagsRoutes.Change(call, Find(call, state), bind: false)),
    ];

    private static EmulatedImage Find(EmulatorCall call, EmulatorState state) => EmulatorState.Find(state.Images, call.PathValue("imageId"), "Image", call.Now);

    private static EmulatedImage Custom(EmulatorCall call, EmulatorState state) => RequireCustom(Find(call, state));

    private static EmulatedImage RequireCustom(EmulatedImage image) => image.Type == "Custom"
        ? image
        : throw new EmulatorError(HttpStatusCode.Forbidden, "Image.OperationForbidden", $"{image.Id} is a {image.Type.ToLowerInvariant()} image; only custom images can be shared, copied or renamed.");

    /// <summary>The account a share names: <c>account</c> (a login name) or <c>accountId</c>, at least one.</summary>
    private static JsonObject Account(EmulatorCall call)
    {
        string? account = call.String("account") ?? call.String("ucAccount");
        string? accountId = call.String("accountId");
        if (account is null && accountId is null)
        {
            throw EmulatorError.BadRequest("'account' or 'accountId' is required.");
        }

        return new JsonObject { ["account"] = account ?? string.Empty, ["accountId"] = accountId ?? string.Empty };
    }

    private static bool SameAccount(JsonObject shared, JsonObject asked) =>
        (asked["accountId"]!.GetValue<string>() is { Length: > 0 } id && shared["accountId"]!.GetValue<string>() == id)
        || (asked["account"]!.GetValue<string>() is { Length: > 0 } name && shared["account"]!.GetValue<string>() == name);
}
