using BccCodegen;

namespace BccCodegen.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("desc", "Description")]
    [InlineData("memoryCapacityInGB", "MemoryCapacityInGB")]
    [InlineData("Ipv6Addresses", "Ipv6Addresses")]
    [InlineData("toString", "ToStringValue")]
    public void Property_WireName_GivesThePropertyName(string json, string expected) => Assert.Equal(expected, Naming.Property(json));

    [Theory]
    [InlineData("Cloud_HDD_General", "CloudHddGeneral")]
    [InlineData("local-ssd", "LocalSsd")]
    [InlineData("BANDWIDTH_PREPAID", "BandwidthPrepaid")]
    [InlineData("bidding", "Bidding")]
    [InlineData("enhanced_ssd_pl2", "EnhancedSsdPl2")]
    public void EnumMember_WireValue_GivesTheMemberName(string value, string expected) => Assert.Equal(expected, Naming.EnumMember(value));

    [Theory]
    [InlineData("createTime", "create time")]
    [InlineData("memoryCapacityInGB", "memory capacity in GB")]
    [InlineData("instanceId", "instance id")]
    public void Words_WireName_SplitsIntoWords(string json, string expected) => Assert.Equal(expected, Naming.Words(json));

    [Fact]
    public void Sentence_TextWithMarkup_IsEscapedAndEndsWithAFullStop() =>
        Assert.Equal("Size in GB &lt;= 32765.", Naming.Sentence("size in GB <= 32765;"));
}
