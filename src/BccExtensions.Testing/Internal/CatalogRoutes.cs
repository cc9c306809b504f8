using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal;

/// <summary>Images, snapshots, security groups, key pairs, deployment sets and specs.</summary>
internal static class CatalogRoutes
{
    public static EmulatorResponse? TryHandle(EmulatorCall call, EmulatorState state) =>
        Images(call, state) ?? Snapshots(call, state) ?? SecurityGroups(call, state) ?? Keypairs(call, state) ?? DeploySets(call, state) ?? Specs(call, state);

    private static EmulatorResponse? Images(EmulatorCall call, EmulatorState state)
    {
        if (call.Is("POST", "v2", "image"))
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

        if (call.Is("GET", "v2", "image"))
        {
            string type = call.QueryString("imageType") ?? "All";
            IEnumerable<EmulatedImage> images = type == "All" ? state.Images : state.Images.Where(i => i.Type == type);
            return EmulatorPaging.Page(call, EmulatedResource.RefreshAll(images, call.Now), "images", i => i.ToJson());
        }

        if (call.Segments is not ["v2", "image", var id])
        {
            return null;
        }

        EmulatedImage found = EmulatorState.Find(state.Images, id, "Image", call.Now);
        if (call.Method == "GET")
        {
            return EmulatorResponse.Ok(new JsonObject { ["image"] = found.ToJson() });
        }

        if (call.Method == "DELETE")
        {
            if (found.Type != "Custom")
            {
                throw EmulatorError.Conflict("Image.DeleteOperationForbidden", "Only custom images can be deleted.");
            }

            state.Images.Remove(found);
            return EmulatorResponse.Ok();
        }

        throw EmulatorError.Unmodelled(call);
    }

    private static EmulatorResponse? Snapshots(EmulatorCall call, EmulatorState state)
    {
        if (call.Is("POST", "v2", "snapshot"))
        {
            EmulatedVolume volume = state.FindVolume(call.RequiredString("volumeId"), call.Now);
            volume.RequireStatus("Volume.CreateSnapshotOperationForbidden", "Available", "InUse");
            var snapshot = new EmulatedSnapshot
            {
                Id = EmulatorState.NewId("s"),
                Name = call.RequiredString("snapshotName"),
                VolumeId = volume.Id,
                SizeInGB = volume.SizeInGB,
                CreateTime = call.Now,
                Description = call.String("desc") ?? string.Empty,
            };
            snapshot.Transition("Creating", "Available", call.Now, state.TransitionDelay);
            volume.Transition("SnapshotProcessing", volume.Status, call.Now, state.TransitionDelay);
            state.Snapshots.Add(snapshot);
            return EmulatorResponse.Ok(new JsonObject { ["snapshotId"] = snapshot.Id });
        }

        if (call.Is("GET", "v2", "snapshot"))
        {
            IEnumerable<EmulatedSnapshot> snapshots = InstanceRoutes.Filter(state.Snapshots, call.QueryString("volumeId"), (s, v) => s.VolumeId == v);
            return EmulatorPaging.Page(call, EmulatedResource.RefreshAll(snapshots, call.Now), "snapshots", s => s.ToJson());
        }

        if (call.Segments is not ["v2", "snapshot", var id])
        {
            return null;
        }

        EmulatedSnapshot found = state.FindSnapshot(id, call.Now);
        switch (call.Method)
        {
            case "GET":
                return EmulatorResponse.Ok(new JsonObject { ["snapshot"] = found.ToJson() });
            case "DELETE":
                found.RequireStatus("Snapshot.DeleteOperationForbidden", "Available", "CreatedFailed", "NotAvailable");
                state.Snapshots.Remove(found);
                return EmulatorResponse.Ok();
            default:
                throw EmulatorError.Unmodelled(call);
        }
    }

    private static EmulatorResponse? SecurityGroups(EmulatorCall call, EmulatorState state)
    {
        if (call.Is("POST", "v2", "securityGroup"))
        {
            var group = new EmulatedSecurityGroup
            {
                Id = EmulatorState.NewId("g"),
                Name = call.RequiredString("name"),
                Description = call.String("desc") ?? string.Empty,
                VpcId = call.String("vpcId") ?? "vpc-emulator0",
                CreateTime = call.Now,
            };
            group.Transition("Available", "Available", call.Now, TimeSpan.Zero);
            foreach (JsonObject initial in (call.Json["rules"] as JsonArray ?? []).OfType<JsonObject>())
            {
                AddRule(group, initial, call.Now);
            }

            state.SecurityGroups.Add(group);
            return EmulatorResponse.Ok(new JsonObject { ["securityGroupId"] = group.Id });
        }

        if (call.Is("GET", "v2", "securityGroup"))
        {
            IEnumerable<EmulatedSecurityGroup> groups = InstanceRoutes.Filter(state.SecurityGroups, call.QueryString("vpcId"), (g, v) => g.VpcId == v);
            groups = InstanceRoutes.Filter(groups, call.QueryString("instanceId"), (g, i) => state.FindInstance(i, call.Now).SecurityGroupIds.Contains(g.Id));
            return EmulatorPaging.Page(call, groups.ToList(), "securityGroups", g => g.ToJson());
        }

        if (call.Segments is not ["v2", "securityGroup", var id])
        {
            return null;
        }

        EmulatedSecurityGroup found = EmulatorState.Find(state.SecurityGroups, id, "Security group", call.Now);
        if (call.Method == "DELETE")
        {
            if (state.Instances.Any(i => i.SecurityGroupIds.Contains(found.Id)))
            {
                throw EmulatorError.Conflict("SecurityGroup.InUse", $"{found.Id} is bound to instances.");
            }

            state.SecurityGroups.Remove(found);
            return EmulatorResponse.Ok();
        }

        JsonObject rule = call.Json["rule"] as JsonObject ?? throw EmulatorError.BadRequest("'rule' is required.");
        if (call.Method == "PUT" && call.HasFlag("authorizeRule"))
        {
            if (found.Rules.Any(r => SameRule(r, rule)))
            {
                throw EmulatorError.Conflict("SecurityGroup.RuleDuplicated", "The rule already exists.");
            }

            AddRule(found, rule, call.Now);
            return EmulatorResponse.Ok();
        }

        if (call.Method == "PUT" && call.HasFlag("revokeRule"))
        {
            JsonObject existing = found.Rules.FirstOrDefault(r => SameRule(r, rule)) ?? throw EmulatorError.NotFound("The rule");
            found.Rules.Remove(existing);
            found.Version++;
            return EmulatorResponse.Ok();
        }

        throw EmulatorError.Unmodelled(call);
    }

    private static EmulatorResponse? Keypairs(EmulatorCall call, EmulatorState state)
    {
        bool import = call.Is("PUT", "v2", "keypair") && call.HasFlag("import");
        if (call.Is("POST", "v2", "keypair") || import)
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
                FingerPrint = string.Join(':', SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(publicKey)).Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
                CreateTime = call.Now,
            };
            keypair.Transition("Available", "Available", call.Now, TimeSpan.Zero);
            state.Keypairs.Add(keypair);
            return EmulatorResponse.Ok(new JsonObject { ["keypair"] = keypair.ToJson(0, privateKey) });
        }

        if (call.Is("GET", "v2", "keypair"))
        {
            return EmulatorPaging.Page(call, state.Keypairs, "keypairs", k => k.ToJson(state.Instances.Count(i => i.KeypairId == k.Id)));
        }

        if (call.Segments is not ["v2", "keypair", var id])
        {
            return null;
        }

        EmulatedKeypair found = EmulatorState.Find(state.Keypairs, id, "Key pair", call.Now);
        int instances = state.Instances.Count(i => i.KeypairId == found.Id);
        switch (call.Method)
        {
            case "GET":
                return EmulatorResponse.Ok(new JsonObject { ["keypair"] = found.ToJson(instances) });
            case "DELETE":
                if (instances > 0)
                {
                    throw EmulatorError.Conflict("Keypair.InUse", $"{found.Id} is attached to {instances} instance(s).");
                }

                state.Keypairs.Remove(found);
                return EmulatorResponse.Ok();
            case "PUT" when call.HasFlag("rename"):
                found.Name = call.RequiredString("name");
                return EmulatorResponse.Ok();
            case "PUT" when call.HasFlag("updateDesc"):
                found.Description = call.String("description") ?? string.Empty;
                return EmulatorResponse.Ok();
            default:
                throw EmulatorError.Unmodelled(call);
        }
    }

    private static EmulatorResponse? DeploySets(EmulatorCall call, EmulatorState state)
    {
        if (call.Is("POST", "v2", "instance", "deployset", "create"))
        {
            string strategy = call.String("strategy") ?? "HOST_HA";
            if (strategy is not ("HOST_HA" or "RACK_HA" or "TOR_HA"))
            {
                throw EmulatorError.BadRequest("'strategy' must be HOST_HA, RACK_HA or TOR_HA.");
            }

            var set = new EmulatedDeploySet
            {
                Id = EmulatorState.NewId("dset"),
                Name = call.String("name") ?? "deployset",
                Description = call.String("desc") ?? string.Empty,
                Strategy = strategy,
                Concurrency = call.Int("concurrency") ?? 1,
            };
            set.Transition("Available", "Available", call.Now, TimeSpan.Zero);
            state.DeploySets.Add(set);
            return EmulatorResponse.Ok(new JsonObject { ["deploySetIds"] = new JsonArray(set.Id) });
        }

        if (call.Is("GET", "v2", "instance", "deployset", "list"))
        {
            return EmulatorResponse.Ok(new JsonObject
            {
                ["pageNo"] = 1,
                ["pageSize"] = state.DeploySets.Count,
                ["totalCount"] = state.DeploySets.Count,
                ["deploySets"] = new JsonArray(state.DeploySets.Select(s => (JsonNode)s.ToJson(Members(state, s))).ToArray()),
            });
        }

        if (call.Is("GET", "v2", "deployset", "*"))
        {
            EmulatedDeploySet set = EmulatorState.Find(state.DeploySets, call.Segments[2], "Deployment set", call.Now);
            return EmulatorResponse.Ok(set.ToJson(Members(state, set)));
        }

        if (call.Is("DELETE", "v2", "instance", "deployset", "*"))
        {
            EmulatedDeploySet set = EmulatorState.Find(state.DeploySets, call.Segments[3], "Deployment set", call.Now);
            if (Members(state, set).Count > 0)
            {
                throw EmulatorError.Conflict("DeploySet.InUse", $"{set.Id} still has instances.");
            }

            state.DeploySets.Remove(set);
            return EmulatorResponse.Ok();
        }

        return null;
    }

    private static EmulatorResponse? Specs(EmulatorCall call, EmulatorState state)
    {
        if (call.Is("GET", "v2", "instance", "flavorSpec"))
        {
            IEnumerable<string> zones = call.QueryString("zoneName") is { } zone ? [zone] : state.Zones;
            return EmulatorResponse.Ok(new JsonObject
            {
                ["zoneResources"] = new JsonArray(zones.Select(z => (JsonNode)new JsonObject
                {
                    ["zoneName"] = z,
                    ["bccResources"] = new JsonObject
                    {
                        ["flavorGroups"] = new JsonArray(state.Specs.GroupBy(s => s.Key.Split('.')[1]).Select(g => (JsonNode)new JsonObject
                        {
                            ["groupId"] = g.Key,
                            ["flavors"] = new JsonArray(g.Select(s => (JsonNode)new JsonObject
                            {
                                ["spec"] = s.Key,
                                ["specId"] = g.Key,
                                ["cpuCount"] = s.Value.Cpu,
                                ["memoryCapacityInGB"] = s.Value.MemoryGB,
                                ["productType"] = "PostPay",
                                ["netEthQueueCount"] = "2",
                                ["systemDiskType"] = new JsonArray("cloud_hp1", "enhanced_ssd_pl1"),
                                ["dataDiskType"] = new JsonArray("cloud_hp1", "enhanced_ssd_pl1", "hdd"),
                            }).ToArray()),
                        }).ToArray()),
                    },
                }).ToArray()),
            });
        }

        if (call.Is("GET", "v2", "instance", "spec"))
        {
            return EmulatorResponse.Ok(new JsonObject
            {
                ["instanceTypes"] = new JsonArray(state.Specs.Select(s => (JsonNode)new JsonObject
                {
                    ["type"] = s.Key.Split('.')[1].ToUpperInvariant(),
                    ["name"] = s.Key,
                    ["cpuCount"] = s.Value.Cpu,
                    ["memorySizeInGB"] = s.Value.MemoryGB,
                    ["localDiskSizeInGB"] = 0,
                }).ToArray()),
            });
        }

        return null;
    }

    private static List<EmulatedInstance> Members(EmulatorState state, EmulatedDeploySet set) =>
        state.Instances.Where(i => i.DeploySetId == set.Id).ToList();

    private static void AddRule(EmulatedSecurityGroup group, JsonObject rule, DateTimeOffset now)
    {
        string direction = rule["direction"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("A rule needs 'direction' (ingress or egress).");
        if (direction is not ("ingress" or "egress"))
        {
            throw EmulatorError.BadRequest("'direction' must be ingress or egress.");
        }

        var stored = (JsonObject)rule.DeepClone();
        foreach (string unset in stored.Where(m => m.Value is null || m.Value.ToJsonString() is "\"\"" or "[]").Select(m => m.Key).ToList())
        {
            stored.Remove(unset); // Go SDK rules carry every member; an empty one was not given.
        }

        stored["securityGroupId"] = group.Id;
        stored["securityGroupRuleId"] = EmulatorState.NewId("r");
        stored["createdTime"] = EmulatedResource.Timestamp(now);
        group.Rules.Add(stored);
        group.Version++;
    }

    private static bool SameRule(JsonObject existing, JsonObject candidate)
    {
        string[] keys = ["direction", "protocol", "portRange", "sourceIp", "destIp", "sourceGroupId", "destGroupId", "ethertype"];
        return keys.All(k => (existing[k]?.ToJsonString() ?? "\"\"") == (candidate[k]?.ToJsonString() ?? "\"\""));
    }
}
