using System.Text.Json.Nodes;

namespace BccExtensions.Testing.Internal.Routes;

/// <summary>Prices of instances, bid instances and volumes, quoted from the emulator's price list (<see cref="EmulatorPricing"/>).</summary>
internal static class PricesRoutes
{
    public static IEnumerable<KeyValuePair<string, EmulatorRoute>> All =>
    [
        new("GetPriceBySpec", (call, state) =>
        {
            RequireZone(call, state);
            string? spec = call.String("spec");
            string? family = call.String("specId") ?? spec?.Split('.')[1];
            List<KeyValuePair<string, (int Cpu, int MemoryGB)>> specs = [.. state.Specs.Where(s => spec is null ? family is null || s.Key.Split('.')[1] == family : s.Key == spec)];
            if (specs.Count == 0)
            {
                throw EmulatorError.BadRequest($"Unknown spec '{spec ?? family}'.");
            }

            (string timing, int months, int count) = Purchase(call);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["price"] = new JsonArray([.. specs.GroupBy(s => s.Key.Split('.')[1]).Select(g => (JsonNode)new JsonObject
                {
                    ["specId"] = g.Key,
                    ["specPrices"] = new JsonArray([.. g.Select(s =>
                    {
                        decimal one = timing == EmulatorBilling.Prepaid ? EmulatorPricing.Prepaid(s.Value.Cpu, s.Value.MemoryGB, months) : EmulatorPricing.Hourly(s.Value.Cpu, s.Value.MemoryGB);
                        return (JsonNode)new JsonObject
                        {
                            ["spec"] = s.Key,
                            ["specPrice"] = EmulatorPricing.Text(one),
                            ["discount"] = "100",
                            ["tradePrice"] = EmulatorPricing.Text(one * count),
                            ["status"] = "available",
                        };
                    })]),
                })]),
            });
        }),
        new("GetBidInstancePrice", (call, state) =>
        {
            RequireZone(call, state);
            string spec = call.RequiredString("spec");
            (int cpu, int memory) = state.Specs.TryGetValue(spec, out var size) ? size : throw EmulatorError.BadRequest($"Unknown spec '{spec}'.");
            int count = call.Int("purchaseCount") ?? 1;
            decimal original = EmulatorPricing.Hourly(cpu, memory);
            decimal bid = decimal.Round(original * 0.2m, 4);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["money"] = EmulatorPricing.Text(bid * count),
                ["count"] = EmulatedRecord.Count(count),
                ["originalMoney"] = EmulatorPricing.Text(original * count),
                ["perOriginalMoney"] = EmulatorPricing.Text(original),
                ["perMoney"] = EmulatorPricing.Text(bid),
            });
        }),
        new("GetCdsPrice", (call, state) =>
        {
            RequireZone(call, state);
            string storageType = call.RequiredString("storageType");
            int size = call.Int("cdsSizeInGB") ?? throw EmulatorError.BadRequest("'cdsSizeInGB' is required.");
            (string timing, int months, int count) = Purchase(call);
            decimal month = EmulatorPricing.Volume(storageType, size, 1);
            decimal one = timing == EmulatorBilling.Prepaid ? month * months : decimal.Round(month / 720m, 4);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["price"] = new JsonArray(new JsonObject
                {
                    ["storageType"] = storageType,
                    ["cdsSizeInGB"] = size,
                    ["price"] = one * count,
                    ["specPrice"] = one,
                    ["unit"] = timing == EmulatorBilling.Prepaid ? "month" : "hour",
                }),
            });
        }),
    ];

    private static void RequireZone(EmulatorCall call, EmulatorState state) => ZonesRoutes.Requested(call, state);

    /// <summary>Reads <c>paymentTiming</c>, <c>purchaseLength</c> (months) and <c>purchaseCount</c>.</summary>
    private static (string Timing, int Months, int Count) Purchase(EmulatorCall call)
    {
        string timing = call.String("paymentTiming") ?? EmulatorBilling.Postpaid;
        if (timing is not (EmulatorBilling.Prepaid or EmulatorBilling.Postpaid))
        {
            throw EmulatorError.BadRequest($"'paymentTiming' must be {EmulatorBilling.Prepaid} or {EmulatorBilling.Postpaid}, not '{timing}'.");
        }

        return (timing, call.Int("purchaseLength") ?? 1, call.Int("purchaseCount") ?? 1);
    }
}
