using System.Globalization;

namespace BccExtensions.Testing.Internal;

/// <summary>The emulated VPC's addresses: one VPC and subnet by default, IPv6 derived from the private IPv4.</summary>
internal static class EmulatorNetwork
{
    public const string DefaultVpcId = "vpc-emulator0";
    public const string DefaultSubnetId = "sbn-emulator0";

    /// <summary>Gets the IPv6 address the emulator gives an instance: its private IPv4 inside a fixed prefix.</summary>
    public static string Ipv6Of(EmulatedInstance instance)
    {
        byte[] parts = [.. instance.InternalIp.Split('.').Select(p => byte.Parse(p, CultureInfo.InvariantCulture))];
        return string.Create(CultureInfo.InvariantCulture, $"240c:4081:8002::{(parts[2] << 8) | parts[3]:x}");
    }

    /// <summary>Gets the VPC a subnet belongs to: the emulator names them alike (<c>sbn-x</c> is in <c>vpc-x</c>).</summary>
    public static string VpcOf(string subnetId) =>
        subnetId == DefaultSubnetId ? DefaultVpcId : "vpc-" + (subnetId.StartsWith("sbn-", StringComparison.Ordinal) ? subnetId[4..] : subnetId);
}
