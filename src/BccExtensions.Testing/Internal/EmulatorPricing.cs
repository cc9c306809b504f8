namespace BccExtensions.Testing.Internal;

/// <summary>
/// The emulator's price list, in CNY: deterministic, so a test can compare two quotes, and shaped like BCC's (an hourly
/// price for postpaid, a cheaper monthly one for prepaid and reserved, a fraction for bid instances). Not BCC's prices.
/// </summary>
internal static class EmulatorPricing
{
    /// <summary>Gets the price per GB and month of each storage type the emulator sells.</summary>
    public static IReadOnlyDictionary<string, decimal> VolumePerGBMonth { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["hdd"] = 0.15m,
        ["cloud_hp1"] = 0.50m,
        ["hp1"] = 0.50m,
        ["enhanced_ssd_pl1"] = 1.00m,
        ["enhanced_ssd_pl2"] = 2.00m,
        ["ssd"] = 1.00m,
    };

    /// <summary>Gets the postpaid price of one instance for an hour.</summary>
    public static decimal Hourly(int cpu, int memoryGB) => (cpu * 0.06m) + (memoryGB * 0.03m);

    /// <summary>Gets the prepaid price of one instance for <paramref name="months"/> months (40% under the hourly price).</summary>
    public static decimal Prepaid(int cpu, int memoryGB, int months) => decimal.Round(Hourly(cpu, memoryGB) * 720m * 0.6m * months, 2);

    /// <summary>Gets the price of one volume for <paramref name="months"/> months; 400 for a storage type not sold.</summary>
    public static decimal Volume(string storageType, int sizeInGB, int months) =>
        VolumePerGBMonth.TryGetValue(storageType, out decimal perGB)
            ? decimal.Round(perGB * sizeInGB * months, 2)
            : throw EmulatorError.BadRequest($"Unknown storageType '{storageType}' (one of {string.Join(", ", VolumePerGBMonth.Keys)}).");

    /// <summary>Gets a length in months: <c>year</c> units count twelve.</summary>
    public static int Months(int length, string? unit) => string.Equals(unit, "year", StringComparison.OrdinalIgnoreCase) ? length * 12 : length;

    /// <summary>Writes a price as BCC's text prices are written (<c>"12.34"</c>).</summary>
    public static string Text(decimal price) => price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
