using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Key pairs, created or imported, attached to and detached from instances; one attached to instances cannot be deleted.</summary>
internal static class KeyPairsRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateKeypair", (call, state) => Create(call, state, import: false)),
        new("ImportKeypair", (call, state) => Create(call, state, import: true)),
        new("ListKeypair", (call, state) => EmulatorPaging.Page(call, state.Keypairs, "keypairs", k => k.ToJson(InstancesOf(state, k)))),
        new("KeypairDetail", (call, state) =>
        {
            EmulatedKeypair found = Find(call, state);
            return EmulatorResponse.Ok(new JsonObject { ["keypair"] = found.ToJson(InstancesOf(state, found)) });
        }),
        new("DeleteKeypair", Delete),
        new("RenameKeypair", (call, state) =>
        {
            Find(call, state).Name = call.RequiredString("name");
            return EmulatorResponse.Ok();
        }),
        new("UpdateKeypairDescription", (call, state) =>
        {
            Find(call, state).Description = call.String("description") ?? string.Empty;
            return EmulatorResponse.Ok();
        }),
        new("AttachKeypair", (call, state) => Attach(call, state, attach: true)),
        new("DetachKeypair", (call, state) => Attach(call, state, attach: false)),
    ];

    /// <summary>
    /// Attaches the key pair to each instance, or detaches it; an instance that is unknown, runs Windows, is neither
    /// running nor stopped, or (detaching) does not have this key pair is listed in <c>failedInstanceIdList</c>, as BCC
    /// lists the ids it could not change while changing the others.
    /// </summary>
    private static EmulatorResponse Attach(EmulatorCall call, EmulatorState state, bool attach)
    {
        EmulatedKeypair keypair = Find(call, state);
        return InstanceBatchRoutes.EachOrList(call, state, instance =>
        {
            bool fits = instance.Status is "Running" or "Stopped"
                && state.Images.FirstOrDefault(i => i.Id == instance.ImageId)?.OsType != "windows"
                && (attach || instance.KeyPairId == keypair.Id);
            if (fits)
            {
                instance.KeyPairId = attach ? keypair.Id : null;
            }

            return fits;
        });
    }

    private static EmulatedKeypair Find(EmulatorCall call, EmulatorState state) => EmulatorState.Find(state.Keypairs, call.PathValue("keypairId"), "Key pair", call.Now);

    private static int InstancesOf(EmulatorState state, EmulatedKeypair keypair) => state.Instances.Count(i => i.KeyPairId == keypair.Id);

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state, bool import)
    {
        string name = call.RequiredString("name");
        if (state.Keypairs.Any(k => k.Name == name))
        {
            throw EmulatorError.Conflict("Keypair.NameDuplicated", $"A key pair named '{name}' exists.");
        }

        string? privateKey = import ? null : "-----BEGIN RSA PRIVATE KEY-----\n" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)) + "\n-----END RSA PRIVATE KEY-----";
        string publicKey = import ? call.RequiredString("publicKey") : "ssh-rsa " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) + " " + name;
        var keypair = new EmulatedKeypair
        {
            Id = EmulatorState.NewId("k"),
            Name = name,
            Description = call.String("description") ?? string.Empty,
            PublicKey = publicKey,
            Fingerprint = string.Join(':', SHA256.HashData(Encoding.UTF8.GetBytes(publicKey)).Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
            CreateTime = call.Now,
        };
        keypair.Transition("Available", "Available", call.Now, TimeSpan.Zero);
        state.Keypairs.Add(keypair);
        return EmulatorResponse.Ok(new JsonObject { ["keypair"] = keypair.ToJson(0, privateKey) });
    }

    private static EmulatorResponse Delete(EmulatorCall call, EmulatorState state)
    {
        EmulatedKeypair found = Find(call, state);
        int instances = InstancesOf(state, found);
        if (instances > 0)
        {
            throw EmulatorError.Conflict("Keypair.InUse", $"{found.Id} is attached to {instances} instance(s).");
        }

        state.Keypairs.Remove(found);
        return EmulatorResponse.Ok();
    }
}
