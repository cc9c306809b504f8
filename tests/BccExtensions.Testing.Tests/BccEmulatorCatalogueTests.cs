using System.Net;
using System.Text.Json.Nodes;
using BccExtensions.Testing.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>The read-only catalogue: stock, prices, flavours, zones, regions and quotas, answered from the emulator's tables and state.</summary>
public sealed class BccEmulatorCatalogueTests
{
    [Fact]
    public async Task Stock_FallsByOneForEachInstanceOfTheSpecInTheZone()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        int before = await StockAsync(bcc, "bcc.g5.c2m8", "cn-bj-a");

        bcc.Emulator.SeedInstance("a", spec: "bcc.g5.c2m8", zoneName: "cn-bj-a");
        bcc.Emulator.SeedInstance("b", spec: "bcc.g5.c2m8", zoneName: "cn-bj-b");

        Assert.Equal(before - 1, await StockAsync(bcc, "bcc.g5.c2m8", "cn-bj-a"));
        JsonNode all = await bcc.GetAsync("/v2/instance/getAllStocks");
        Assert.Equal(before - 1, all["bccStocks"]!.AsArray().Single(s => s!["spec"]!.GetValue<string>() == "bcc.g5.c2m8" && s["logicalZone"]!.GetValue<string>() == "cn-bj-b")!["inventoryQuantity"]!.GetValue<int>());
        JsonNode create = await bcc.SendAsync(HttpMethod.Post, "/v2/instance/stock/createInstance", new { zoneName = "cn-bj-a", cpuCount = 2, memoryCapacityInGB = 8 });
        Assert.Equal(("bcc.g5.c2m8", before - 1), (create["flavorId"]!.GetValue<string>(), create["Count"]!.GetValue<int>()));
        await bcc.Api.SendAsync(HttpMethod.Post, "/v2/instance/getStockWithSpec", new { spec = "bcc.nope" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Prices_AreDeterministic_AndPrepaidMonthsCostLessThanTheHoursTheyCover()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();

        decimal hourly = await SpecPriceAsync(bcc, "Postpaid", 1);
        decimal month = await SpecPriceAsync(bcc, "Prepaid", 1);
        decimal year = await SpecPriceAsync(bcc, "Prepaid", 12);

        Assert.Equal(hourly, await SpecPriceAsync(bcc, "Postpaid", 1));
        Assert.InRange(month, hourly * 24 * 28 * 0.5m, hourly * 24 * 30);
        Assert.Equal(month * 12, year);
        JsonNode volume = (await bcc.SendAsync(HttpMethod.Post, "/v2/volume/getPrice", new { storageType = "cloud_hp1", cdsSizeInGB = 100, paymentTiming = "Prepaid", zoneName = "cn-bj-a", purchaseCount = 2, purchaseLength = 3 }))["price"]![0]!;
        Assert.Equal(volume["specPrice"]!.GetValue<decimal>() * 2, volume["price"]!.GetValue<decimal>());
        JsonNode bid = await bcc.SendAsync(HttpMethod.Post, "/v2/instance/bidPrice", new { spec = "bcc.g5.c2m8", zoneName = "cn-bj-a" });
        Assert.True(decimal.Parse(bid["perMoney"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) < hourly);
        await bcc.Api.SendAsync(HttpMethod.Post, "/v2/volume/getPrice", new { storageType = "floppy", cdsSizeInGB = 1, paymentTiming = "Postpaid", zoneName = "cn-bj-a" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FlavoursZonesAndRegions_AnswerFromTheTables()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();

        JsonArray zones = (await bcc.GetAsync("/v2/zone"))["zones"]!.AsArray();
        JsonNode bySpec = await bcc.GetAsync("/v1/instance/flavorZones?spec=bcc.g5.c2m8");
        JsonNode sorted = await bcc.SendAsync(HttpMethod.Post, "/v2/instance/stock/getSortedInstFlavors", new { });
        JsonNode regions = await bcc.SendAsync(HttpMethod.Post, "/v2/region/describeRegions", new { });
        Assert.Equal("DescribeRegions", bcc.Api.LastOperation); // every answer names its operation (x-bcc-emulator-operation)

        Assert.Equal(zones.Select(z => z!["zoneName"]!.GetValue<string>()), bySpec["zoneNames"]!.AsArray().Select(z => z!.GetValue<string>()));
        Assert.Empty((await bcc.GetAsync("/v1/instance/flavorZones?spec=bcc.nope"))["zoneNames"]!.AsArray());
        JsonArray g5 = sorted["zoneResources"]![0]!["bccResources"]!.AsArray().Single(r => r!["specId"]!.GetValue<string>() == "g5")!["flavors"]!.AsArray();
        Assert.Equal(g5.Select(f => f!["cpuCount"]!.GetValue<int>()).Order(), g5.Select(f => f!["cpuCount"]!.GetValue<int>()));
        Assert.Contains(regions["regions"]!.AsArray(), r => r!["regionId"]!.GetValue<string>() == "bj" && r["regionEndpoint"]!.GetValue<string>() == "bcc.bj.baidubce.com");
    }

    [Fact]
    public async Task DiskQuota_CountsTheDataVolumes()
    {
        await using EmulatorSession bcc = await EmulatorSession.StartAsync();
        string before = (await bcc.GetAsync("/v2/volume/disk/quota?zoneName=cn-bj-a"))["cdsUsedCapacityGB"]!.GetValue<string>();

        await BccEmulatorInstanceStateTests.NewVolumeAsync(bcc, sizeInGB: 70);

        Assert.Equal("0", before);
        Assert.Equal("70", (await bcc.GetAsync("/v2/volume/disk/quota?zoneName=cn-bj-a"))["cdsUsedCapacityGB"]!.GetValue<string>());
        Assert.Equal("1", (await bcc.GetAsync("/v2/volume/disk?zoneName=cn-bj-a"))["cdsCreated"]!.GetValue<string>());
        await bcc.Api.SendAsync(HttpMethod.Get, "/v2/volume/disk/quota?zoneName=cn-nowhere", expected: HttpStatusCode.BadRequest);
    }

    private static async Task<int> StockAsync(EmulatorSession bcc, string spec, string zone) =>
        (await bcc.SendAsync(HttpMethod.Post, "/v2/instance/getStockWithSpec", new { spec }))["bccStocks"]!.AsArray()
            .Single(s => s!["logicalZone"]!.GetValue<string>() == zone)!["inventoryQuantity"]!.GetValue<int>();

    private static async Task<decimal> SpecPriceAsync(EmulatorSession bcc, string paymentTiming, int months)
    {
        JsonNode answer = await bcc.SendAsync(HttpMethod.Post, "/v2/instance/price", new { spec = "bcc.g5.c2m8", paymentTiming, zoneName = "cn-bj-a", purchaseLength = months });
        return decimal.Parse(answer["price"]![0]!["specPrices"]![0]!["specPrice"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
