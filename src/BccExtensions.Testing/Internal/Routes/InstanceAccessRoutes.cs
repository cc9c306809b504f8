using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Reaching into an instance: VNC, rescue mode and IAM roles.</summary>
internal static class InstanceAccessRoutes
{
    /// <summary>Gets the roles the emulated account has, for BindRole and GetRoleList.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["BccDefaultRole", "BccReadOnlyRole"];

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetInstanceVnc", (call, state) =>
        {
            EmulatedInstance instance = InstancesRoutes.Find(call, state);
            instance.RequireStatus("Instance.VncOperationForbidden", "Running");
            string token = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(instance.Id + call.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))))[..32].ToLowerInvariant();
            return EmulatorResponse.Ok(new JsonObject { ["vncUrl"] = $"ws://127.0.0.1/vnc/{instance.Id}?token={token}" });
        }),
        new("EnterRescueMode", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            if (instance.InRescue)
            {
                throw EmulatorError.Conflict("Instance.RescueModeOperationForbidden", $"{instance.Id} is in rescue mode already.");
            }

            instance.RequireStatus("Instance.RescueModeOperationForbidden", call.Bool("forceStop") ? ["Running", "Stopped"] : ["Stopped"]);
            instance.InRescue = true;
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            return EmulatorResponse.Ok(new JsonObject());
        }),
        new("ExitRescueMode", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            if (!instance.InRescue)
            {
                throw EmulatorError.Conflict("Instance.RescueModeOperationForbidden", $"{instance.Id} is not in rescue mode.");
            }

            instance.InRescue = false;
            instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            return EmulatorResponse.Ok(new JsonObject());
        }),
        new("GetRoleList", (_, _) => EmulatorResponse.Ok(new JsonObject { ["roles"] = new JsonArray([.. Roles.Select(r => (JsonNode)new JsonObject { ["roleName"] = r })]) })),
        new("BindRole", (call, state) => Role(call, state, bind: true)),
        new("UnbindRole", (call, state) => Role(call, state, bind: false)),
    ];

    /// <summary>Binds or unbinds a role on each listed instance; an instance that cannot take the change is reported, not refused.</summary>
    private static EmulatorResponse Role(EmulatorCall call, EmulatorState state, bool bind)
    {
        string role = call.RequiredString("roleName");
        if (!Roles.Contains(role))
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", $"invalid roleName '{role}'");
        }

        IReadOnlyList<JsonObject> items = call.Objects("instances");
        if (items.Count == 0)
        {
            throw new EmulatorError(HttpStatusCode.BadRequest, "BadRequest", "instances is empty");
        }

        var failed = new JsonArray();
        var done = new JsonArray();
        foreach (string id in items.Select(i => i["instanceId"]?.GetValue<string>() ?? string.Empty))
        {
            EmulatedInstance? instance = state.Instances.FirstOrDefault(i => i.Id == id);
            string? why = instance is null ? "instance not found"
                : bind && instance.RoleName is not null && instance.RoleName != role ? $"bound to {instance.RoleName}"
                : !bind && instance.RoleName != role ? $"not bound to {role}"
                : null;
            if (why is not null)
            {
                failed.Add((JsonNode)new JsonObject { ["instanceId"] = id, ["failMessage"] = why });
                continue;
            }

            instance!.RoleName = bind ? role : null;
            done.Add((JsonNode)new JsonObject { ["instanceId"] = id });
        }

        return EmulatorResponse.Ok(new JsonObject { ["failInstances"] = failed, ["instanceRoleAssociations"] = done });
    }
}
