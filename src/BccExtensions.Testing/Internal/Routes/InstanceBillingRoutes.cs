using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>
/// Billing: moving instances between postpaid and prepaid (their expiry follows, and with <c>relationCds</c> their data
/// volumes too), renewals, auto-renew rules, refunds and the instances stopped without charge.
/// </summary>
internal static class InstanceBillingRoutes
{
    /// <summary>The code the emulator answers a billing change an instance already has (BCC's documentation names none).</summary>
    public const string ChargingForbiddenCode = "Instance.ChangeChargingOperationForbidden";

    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("ChangeToPrepaid", (call, state) =>
        {
            ToPrepaid(InstancesRoutes.Find(call, state), call.Json, call, state);
            return Order();
        }),
        new("BatchChangeToPrepaid", (call, state) =>
        {
            List<(EmulatedInstance Instance, JsonObject Config)> changes = Configs(call, state);
            changes.ForEach(c => RequirePayment(c.Instance, EmulatorBilling.Postpaid));
            changes.ForEach(c => ToPrepaid(c.Instance, c.Config, call, state));
            return Order();
        }),
        new("BatchChangeToPostpaid", (call, state) =>
        {
            List<(EmulatedInstance Instance, JsonObject Config)> changes = Configs(call, state);
            changes.ForEach(c => RequirePayment(c.Instance, EmulatorBilling.Prepaid));
            foreach ((EmulatedInstance instance, _) in changes)
            {
                instance.PaymentTiming = EmulatorBilling.Postpaid;
                instance.ExpireTime = null;
                instance.AutoRenew = false;
                instance.AutoRenewPeriod = 0;
                instance.AutoRenewPeriodUnit = string.Empty;
            }

            return Order();
        }),
        new("PurchaseReservedInstance", (call, state) =>
        {
            EmulatedInstance instance = InstancesRoutes.Find(call, state);
            RequirePayment(instance, EmulatorBilling.Prepaid);
            JsonObject? reservation = call.Object("billing")?["reservation"] as JsonObject;
            instance.ExpireTime = EmulatorBilling.Extend(
                Later(instance.ExpireTime, call.Now),
                reservation?["reservationLength"]?.GetValue<int>() ?? 1,
                reservation?["reservationTimeUnit"]?.GetValue<string>());
            if (instance.Status == "Expired")
            {
                instance.Transition("Starting", "Running", call.Now, state.TransitionDelay);
            }

            return Order();
        }),
        new("CreateAutoRenewRule", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            RequirePayment(instance, EmulatorBilling.Prepaid);
            string unit = call.String("renewTimeUnit") ?? "month";
            int length = call.Int("renewTime") ?? 1;
            if (unit is not ("month" or "year") || length is < 1 or > 9)
            {
                throw EmulatorError.BadRequest("'renewTimeUnit' must be month or year and 'renewTime' 1–9.");
            }

            (instance.AutoRenew, instance.AutoRenewPeriodUnit, instance.AutoRenewPeriod) = (true, unit, length);
            return EmulatorResponse.Ok();
        }),
        new("DeleteAutoRenewRule", (call, state) =>
        {
            EmulatedInstance instance = state.FindInstance(call.RequiredString("instanceId"), call.Now);
            (instance.AutoRenew, instance.AutoRenewPeriodUnit, instance.AutoRenewPeriod) = (false, string.Empty, 0);
            return EmulatorResponse.Ok();
        }),
        new("BatchRefundResource", Refund),
        new("GetInstanceNoChargeList", (call, state) =>
        {
            IEnumerable<EmulatedInstance> matches = EmulatedResource.RefreshAll(state.Instances, call.Now).Where(i => i.StoppedWithNoCharge && i.Status == "Stopped");
            matches = EmulatorRoutes.Filter(matches, call.QueryString("zoneName"), (i, v) => i.ZoneName == v);
            matches = EmulatorRoutes.Filter(matches, call.QueryString("internalIp"), (i, v) => i.InternalIp == v);
            matches = EmulatorRoutes.Filter(matches, call.QueryString("keypairId"), (i, v) => i.KeyPairId == v);
            matches = EmulatorRoutes.FilterAny(matches, call.QueryString("instanceIds"), (i, v) => i.Id == v);
            return EmulatorPaging.Page(call, matches.ToList(), "instances", i => i.ToJson());
        }),
    ];

    private static EmulatorResponse Order() => EmulatorResponse.Ok(new JsonObject { ["orderId"] = EmulatorState.NewId("o") });

    private static DateTimeOffset Later(DateTimeOffset? expiry, DateTimeOffset now) => expiry is { } at && at > now ? at : now;

    private static void RequirePayment(EmulatedInstance instance, string timing)
    {
        if (instance.PaymentTiming != timing)
        {
            throw EmulatorError.Conflict(ChargingForbiddenCode, $"{instance.Id} is {instance.PaymentTiming}; the change needs a {timing} instance.");
        }
    }

    /// <summary>Reads <c>config</c>: one item per instance, every instance found before any is changed.</summary>
    private static List<(EmulatedInstance, JsonObject)> Configs(EmulatorCall call, EmulatorState state)
    {
        IReadOnlyList<JsonObject> configs = call.Objects("config");
        return configs.Count == 0
            ? throw EmulatorError.BadRequest("'config' is required.")
            : [.. configs.Select(c => (state.FindInstance(c["instanceId"]?.GetValue<string>() ?? throw EmulatorError.BadRequest("Every item of 'config' needs an instanceId."), call.Now), c))];
    }

    /// <summary>Makes an instance prepaid for <c>duration</c> months; <c>relationCds</c> takes its data volumes along.</summary>
    private static void ToPrepaid(EmulatedInstance instance, JsonObject config, EmulatorCall call, EmulatorState state)
    {
        RequirePayment(instance, EmulatorBilling.Postpaid);
        int months = config["duration"] is JsonValue duration && duration.TryGetValue(out int d) && d > 0 ? d : throw EmulatorError.BadRequest("'duration' must be a positive number of months.");
        instance.PaymentTiming = EmulatorBilling.Prepaid;
        instance.ExpireTime = EmulatorBilling.Extend(call.Now, months, "month");
        instance.ReleaseTime = null;
        if (config["autoRenew"] is JsonValue renew && renew.TryGetValue(out bool autoRenew) && autoRenew)
        {
            instance.AutoRenew = true;
            instance.AutoRenewPeriodUnit = "month";
            instance.AutoRenewPeriod = config["autoRenewPeriod"] is JsonValue period && period.TryGetValue(out int p) && p > 0 ? p : 1;
        }

        if (config["relationCds"] is JsonValue related && related.TryGetValue(out bool relationCds) && relationCds)
        {
            foreach (EmulatedVolume volume in state.Volumes.Where(v => v.InstanceId == instance.Id && !v.IsSystem))
            {
                volume.PaymentTiming = EmulatorBilling.Prepaid;
                volume.ExpireTime = instance.ExpireTime;
            }
        }
    }

    /// <summary>Refunds prepaid instances: each is released; an id that is unknown or not prepaid is reported, not refunded.</summary>
    private static EmulatorResponse Refund(EmulatorCall call, EmulatorState state)
    {
        var failed = new JsonArray();
        foreach (string id in call.Strings("instanceIds"))
        {
            EmulatedInstance? instance = state.Instances.FirstOrDefault(i => i.Id == id);
            if (instance is null || instance.PaymentTiming != EmulatorBilling.Prepaid || instance.DeletionProtection == 1)
            {
                failed.Add((JsonNode)id);
                continue;
            }

            InstanceReleaseRoutes.Release(instance, call, state, call.Bool("relatedReleaseFlag"), recycle: false);
        }

        return EmulatorResponse.Ok(new JsonObject { ["failedInstanceIds"] = failed });
    }
}
