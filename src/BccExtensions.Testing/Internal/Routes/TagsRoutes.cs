namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Tags: an instance's own bind and unbind, v3's by resource type, and the one rule every kind's tag operations share
/// (<see cref="Change(EmulatorCall, EmulatedResource, bool)"/>). A bound tag shows in the resource's detail and in tag-filtered lists.
/// </summary>
internal static class TagsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("BindInstanceToTags", (call, state) => Instance(call, state, bind: true)),
        new("UnbindInstanceFromTags", (call, state) => Instance(call, state, bind: false)),
        new("BindInstanceToTagsByResourceType", (call, state) => ByResourceType(call, state, bind: true)),
        new("UnbindInstanceToTagsByResourceType", (call, state) => ByResourceType(call, state, bind: false)),
    ];

    /// <summary>Binds or unbinds <c>changeTags</c> on a resource; at least one tag is required.</summary>
    public static EmulatorResponse Change(EmulatorCall call, EmulatedResource resource, bool bind) =>
        Change(call, [resource], "changeTags", bind);

    /// <summary>Binds or unbinds the tags of <paramref name="member"/> on every resource; at least one tag is required.</summary>
    public static EmulatorResponse Change(EmulatorCall call, IReadOnlyList<EmulatedResource> resources, string member, bool bind)
    {
        IReadOnlyList<KeyValuePair<string, string>> tags = call.Tags(member);
        if (tags.Count == 0)
        {
            throw EmulatorError.BadRequest($"'{member}' is required.");
        }

        foreach (EmulatedResource resource in resources)
        {
            if (bind)
            {
                resource.BindTags(tags);
            }
            else
            {
                resource.UnbindTags(tags);
            }
        }

        return EmulatorResponse.Ok();
    }

    /// <summary>An instance's tags; <c>attachRelatedResourceTag</c> also tags its volumes.</summary>
    private static EmulatorResponse Instance(EmulatorCall call, EmulatorState state, bool bind)
    {
        EmulatedInstance instance = state.FindInstance(call.PathValue("instanceId"), call.Now);
        return Change(call, WithRelated(state, [instance], call.Bool("attachRelatedResourceTag")), "changeTags", bind);
    }

    /// <summary>v3's AttachTags and DetachTags: <c>resourceType</c> names the kind, every id must exist.</summary>
    private static EmulatorResponse ByResourceType(EmulatorCall call, EmulatorState state, bool bind)
    {
        IReadOnlyList<string> ids = call.Strings("resourceIds");
        if (ids.Count == 0)
        {
            throw EmulatorError.BadRequest("'resourceIds' is required.");
        }

        string type = call.RequiredString("resourceType");
        List<EmulatedResource> resources = type switch
        {
            "bcc" or "instance" => WithRelated(state, [.. ids.Select(id => state.FindInstance(id, call.Now))], call.Bool("isRelationTag")),
            "cds" or "volume" => [.. ids.Select(id => state.FindVolume(id, call.Now))],
            "snapshot" => [.. ids.Select(id => state.FindSnapshot(id, call.Now))],
            "image" => [.. ids.Select(id => EmulatorState.Find(state.Images, id, "Image", call.Now))],
            _ => throw EmulatorError.BadRequest($"'resourceType' must be bcc, cds, snapshot or image, not '{type}'."),
        };
        return Change(call, resources, "tags", bind);
    }

    private static List<EmulatedResource> WithRelated(EmulatorState state, IReadOnlyList<EmulatedInstance> instances, bool related) =>
        [.. instances, .. related ? state.Volumes.Where(v => instances.Any(i => i.Id == v.InstanceId)) : []];
}
