using System.Globalization;
using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Reserved instances: bought for a spec and zone, they cover running instances of that spec (listed as their
/// <c>instanceIds</c>); renewed, auto-renewed, renamed, moved, tagged and priced. Transfers are in <see cref="ReservedTransfersRoutes"/>.
/// </summary>
internal static class ReservedInstancesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("CreateReservedInstances", Create),
        new("GetReservedInstance", List),
        new("ModifyReservedInstances", (call, state) =>
        {
            IReadOnlyList<JsonObject> changes = call.Objects("reservedInstances");
            if (changes.Count == 0)
            {
                throw EmulatorError.BadRequest("'reservedInstances' is required.");
            }

            var orders = new JsonArray();
            foreach (JsonObject change in changes)
            {
                string id = change["reservedInstanceId"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("Every item of 'reservedInstances' needs a reservedInstanceId.");
                EmulatedRecord? reserved = state.RecordsOf(RecordKind.ReservedInstance, call.Now).FirstOrDefault(r => r.Id == id);
                string? zone = change["zoneName"]?.GetValue<string>() is { Length: > 0 } z ? z : null;
                string? failure = reserved is null ? $"{id} does not exist." : zone is not null && !state.Zones.Contains(zone) ? $"Unknown zone '{zone}'." : null;
                if (reserved is not null && failure is null)
                {
                    SetIfGiven(reserved, "reservedInstanceName", change["reservedInstanceName"]);
                    SetIfGiven(reserved, "zoneName", change["zoneName"]);
                    SetIfGiven(reserved, "logicalZone", change["zoneName"]);
                    SetIfGiven(reserved, "ehcClusterId", change["ehcClusterId"]);
                }

                orders.Add((JsonNode)new JsonObject { ["reservedInstanceId"] = id, ["orderId"] = failure is null ? EmulatorState.NewId("o") : string.Empty, ["success"] = failure is null, ["exception"] = failure ?? string.Empty });
            }

            return EmulatorResponse.Ok(new JsonObject { ["modifyReservedInstanceOrders"] = orders });
        }),
        new("RenewReservedInstance", (call, state) =>
        {
            List<EmulatedRecord> reserved = Find(call, state);
            int length = call.Int("reservedInstanceTime") ?? throw EmulatorError.BadRequest("'reservedInstanceTime' is required.");
            string? unit = call.String("reservedInstanceTimeUnit");
            foreach (EmulatedRecord r in reserved)
            {
                DateTimeOffset expires = Expiry(r);
                r.Fields["expireTime"] = EmulatedResource.Timestamp(EmulatorBilling.Extend(expires > call.Now ? expires : call.Now, length, unit));
                if (call.Bool("autoRenew"))
                {
                    AutoRenew(call, r, enable: true);
                }
            }

            return EmulatorResponse.Ok(new JsonObject { ["orderId"] = EmulatorState.NewId("o"), ["reservedInstanceIds"] = Ids(reserved) });
        }),
        new("AutoRenewReservedInstance", (call, state) =>
        {
            List<EmulatedRecord> reserved = Find(call, state);
            reserved.ForEach(r => AutoRenew(call, r, enable: true));
            return EmulatorResponse.Ok(new JsonObject { ["reservedInstanceIds"] = Ids(reserved) });
        }),
        new("CancelAutoRenewReservedInstance", (call, state) =>
        {
            List<EmulatedRecord> reserved = Find(call, state);
            reserved.ForEach(r => AutoRenew(call, r, enable: false));
            return EmulatorResponse.Ok(new JsonObject { ["reservedInstanceIds"] = Ids(reserved) });
        }),
        new("BindReservedInstanceToTags", (call, state) => TagsRoutes.Change(call, Find(call, state), "changeTags", bind: true)),
        new("UnbindReservedInstanceFromTags", (call, state) => TagsRoutes.Change(call, Find(call, state), "changeTags", bind: false)),
        new("GetReservedInstancePrice", (call, state) =>
        {
            string spec = call.RequiredString("spec");
            (int cpu, int memory) = state.Specs.TryGetValue(spec, out var size) ? size : throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
            int months = EmulatorPricing.Months(call.Int("reservedInstanceTime") ?? 1, call.String("priceTimeUnit"));
            int count = (call.Int("reservedInstanceCount") ?? 1) * (call.Int("purchaseNum") ?? 1);
            decimal list = EmulatorPricing.Prepaid(cpu, memory, months) * count;
            decimal trade = decimal.Round(list * (call.String("offeringType") == "FullyPrepay" ? 0.85m : 0.9m), 2);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["spec"] = spec,
                ["categoryPrice"] = new JsonObject { ["prePayCategoryPrice"] = list, ["postPayCategoryPrice"] = 0 },
                ["tradePrice"] = new JsonObject { ["prePayTradePrice"] = trade, ["postPayTradePrice"] = 0 },
            });
        }),
    ];

    /// <summary>Gets a reserved instance as BCC lists it, with the running instances it covers.</summary>
    public static JsonObject Json(EmulatedRecord reserved, EmulatorState state, DateTimeOffset now)
    {
        JsonObject json = reserved.ToJson("ReservedInstance", "reservedInstanceStatus");
        List<EmulatedInstance> covered = Covered(reserved, state, now);
        json["instanceIds"] = new JsonArray([.. covered.Select(i => (JsonNode)i.Id)]);
        json["instanceNames"] = new JsonArray([.. covered.Select(i => (JsonNode)i.Name)]);
        return json;
    }

    private static EmulatorResponse Create(EmulatorCall call, EmulatorState state)
    {
        string spec = call.RequiredString("spec");
        if (!state.Specs.ContainsKey(spec))
        {
            throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
        }

        string scope = call.String("scope") ?? "AZ";
        string? zone = call.String("zoneName");
        if (scope == "AZ" && (zone is null || !state.Zones.Contains(zone)))
        {
            throw EmulatorError.BadRequest(zone is null ? "'zoneName' is required when scope is AZ." : $"Unknown zone '{zone}'.");
        }

        string offering = call.RequiredString("offeringType");
        int length = call.Int("reservedInstanceTime") ?? throw EmulatorError.BadRequest("'reservedInstanceTime' is required.");
        string unit = call.String("reservedInstanceTimeUnit") ?? "month";
        string? cluster = call.String("ehcClusterId");
        EhcClustersRoutes.Require(state, cluster, call.Now);
        DateTimeOffset effective = call.String("effectiveTime") is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at) ? at : throw EmulatorError.BadRequest($"'effectiveTime' is not a time: '{text}'.")
            : call.Now;
        DateTimeOffset expires = EmulatorBilling.Extend(effective, length, unit);

        var ids = new JsonArray();
        for (int n = 0; n < (call.Int("reservedInstanceCount") ?? 1); n++)
        {
            EmulatedRecord reserved = state.AddRecord(RecordKind.ReservedInstance, new JsonObject
            {
                ["reservedInstanceUuid"] = Guid.NewGuid().ToString(),
                ["reservedInstanceName"] = call.String("reservedInstanceName") ?? "reserved",
                ["scope"] = scope,
                ["zoneName"] = zone ?? string.Empty,
                ["logicalZone"] = zone ?? string.Empty,
                ["spec"] = spec,
                ["offeringType"] = offering,
                ["osType"] = "linux",
                ["instanceCount"] = call.Int("instanceCount") ?? 1,
                ["effectiveTime"] = EmulatedResource.Timestamp(effective),
                ["expireTime"] = EmulatedResource.Timestamp(expires),
                ["reservedInstanceTime"] = length,
                ["timeGranularity"] = unit,
                ["productCategory"] = "BCC",
                ["ehcClusterId"] = cluster ?? string.Empty,
                ["transferIn"] = false,
            }, "Active", call.Now);
            reserved.Fields["reservedInstanceId"] = reserved.Id;
            reserved.BindTags(call.Tags("tags"));
            if (call.Bool("autoRenew"))
            {
                AutoRenew(call, reserved, enable: true);
            }

            ids.Add((JsonNode)reserved.Id);
        }

        return EmulatorResponse.Ok(new JsonObject { ["orderId"] = EmulatorState.NewId("o"), ["reservedInstanceIds"] = ids });
    }

    private static EmulatorResponse List(EmulatorCall call, EmulatorState state)
    {
        IReadOnlyList<string> ids = call.Strings("reservedInstanceIds");
        IEnumerable<EmulatedRecord> reserved = state.RecordsOf(RecordKind.ReservedInstance, call.Now).Where(r => ids.Count == 0 || ids.Contains(r.Id));
        foreach (string member in (string[])["reservedInstanceName", "zoneName", "spec", "offeringType", "osType", "ehcClusterId", "scope"])
        {
            reserved = EmulatorRoutes.Filter(reserved, call.String(member), (r, v) => r.Text(member) == v);
        }

        reserved = EmulatorRoutes.Filter(reserved, call.String("reservedInstanceStatus"), (r, v) => r.Status == v);
        reserved = EmulatorRoutes.Filter(reserved, call.String("instanceId"), (r, v) => Covered(r, state, call.Now).Any(i => i.Id == v));
        List<EmulatedRecord> listed = reserved.ToList();
        EmulatorResponse page = EmulatorPaging.Page(call, listed, "reservedInstances", r => Json(r, state, call.Now));
        page.Body!["totalCount"] = listed.Count;
        return page;
    }

    /// <summary>The running instances a reservation covers: of its spec (and zone, when scoped to one), up to its count, first bought first served.</summary>
    private static List<EmulatedInstance> Covered(EmulatedRecord reserved, EmulatorState state, DateTimeOffset now)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (EmulatedRecord earlier in state.Records.Where(r => r.Kind == RecordKind.ReservedInstance.Name && r.Status == "Active"))
        {
            List<EmulatedInstance> matches = [.. state.Instances
                .Where(i => i.Spec == earlier.Text("spec") && (earlier.Text("scope") != "AZ" || i.ZoneName == earlier.Text("zoneName")) && !taken.Contains(i.Id))
                .Take(earlier.Number("instanceCount"))];
            if (earlier == reserved)
            {
                return matches;
            }

            matches.ForEach(i => taken.Add(i.Id));
        }

        return [];
    }

    private static List<EmulatedRecord> Find(EmulatorCall call, EmulatorState state)
    {
        IReadOnlyList<string> ids = call.Strings("reservedInstanceIds");
        return ids.Count == 0
            ? throw EmulatorError.BadRequest("'reservedInstanceIds' is required.")
            : [.. ids.Select(id => state.FindRecord(RecordKind.ReservedInstance, id, call.Now))];
    }

    private static JsonArray Ids(IEnumerable<EmulatedRecord> records) => new([.. records.Select(r => (JsonNode)r.Id)]);

    private static DateTimeOffset Expiry(EmulatedRecord reserved) =>
        DateTimeOffset.Parse(reserved.Text("expireTime")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static void AutoRenew(EmulatorCall call, EmulatedRecord reserved, bool enable)
    {
        reserved.Fields["autoRenew"] = enable;
        reserved.Fields["renewTime"] = enable ? call.Int("autoRenewTime") ?? 1 : 0;
        reserved.Fields["renewTimeUnit"] = enable ? call.String("autoRenewTimeUnit") ?? "month" : string.Empty;
        reserved.Fields["nextRenewTime"] = enable ? reserved.Text("expireTime") : string.Empty;
    }

    private static void SetIfGiven(EmulatedRecord record, string member, JsonNode? value)
    {
        if (value is JsonValue text && text.TryGetValue(out string? given) && given.Length > 0)
        {
            record.Fields[member] = given;
        }
    }
}
