using BccExtensions.Internal.Http;
using BccExtensions.Internal.Signing;
using BccExtensions.Tests.Helpers;
using CsCheck;

namespace BccExtensions.Tests.Reliability;

/// <summary>Property-based checks: random unicode input is encoded once, signed as sent, and hostile ids never leave the process.</summary>
public sealed class BadInputPropertyTests
{
    private const string Specials = " /?#&=+%;:@,~*'()!$[]\\\"<>{}|^`\t\r\n\u0000\u007f";

    /// <summary>Text mixing URI delimiters, control characters and code points from every plane.</summary>
    private static readonly Gen<string> s_text = Gen.OneOf(
            Gen.Char[Specials].Select(c => c.ToString()),
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.Int[0x80, 0x10FFFF].Where(cp => cp is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32))
        .Array[0, 16]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> s_safeId = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_"].Array[1, 20].Select(chars => "i-" + new string(chars));

    [Fact]
    public void Encode_AnyText_DecodesBackAndUsesOnlyUnreservedOrUpperHexEscapes()
    {
        s_text.Sample(text =>
        {
            string encoded = BceUriEncoder.Encode(text, keepSlash: false);

            Assert.Equal(text, Uri.UnescapeDataString(encoded));
            Assert.Matches("^([A-Za-z0-9._~-]|%[0-9A-F]{2})*$", encoded);
        });
    }

    [Fact]
    public void CanonicalQuery_OfTheWireForm_IsExactlyWhatWasSent()
    {
        Gen.Select(s_text, s_text).Sample((name, value) =>
        {
            string wire = BceUriEncoder.Encode(name.Length == 0 ? "n" : name, keepSlash: false) + "=" + BceUriEncoder.Encode(value, keepSlash: false);
            var canonical = new PooledCharBuilder(64);
            try
            {
                BceSigner.WriteCanonicalRequest(ref canonical, "GET", "/", wire, []);
                string expected = name.Equals("authorization", StringComparison.OrdinalIgnoreCase) ? string.Empty : wire;
                Assert.Equal("GET\n/\n" + expected + "\n", canonical.AsSpan().ToString());
            }
            finally
            {
                canonical.Dispose();
            }
        });
    }

    [Fact]
    public void RequestUri_BuiltFromRandomQueryValues_IsSentUnchanged()
    {
        s_text.Sample(value =>
        {
            var call = new BccCall("ListInstances", HttpMethod.Get, "/v2/instance").Query("fuzzyInstanceName", value).Query("tags", [value.Replace(",", "", StringComparison.Ordinal), "env:prod"]);
            string query = call.EncodedQuery();
            var uri = new Uri("https://bcc.bj.baidubce.com" + call.Path + "?" + query);

            Assert.Equal("/v2/instance?" + query, uri.PathAndQuery);
        });
    }

    [Fact]
    public void InstanceId_WithAForbiddenCharacter_RejectedBeforeAnyRequest()
    {
        Gen<string> hostile = Gen.Select(s_safeId, Gen.Char["/?#%\\\r\n\t \u0000\u001f\u007f\u0085\u2028"], Gen.Int[0, 20])
            .Select((id, bad, at) => id.Insert(Math.Min(at, id.Length), bad.ToString()));
        hostile.Sample(id => Assert.ThrowsAny<ArgumentException>(() => new BccCall("GetInstance", HttpMethod.Get, "/v2/instance/{instanceId}", ("instanceId", id))));
        Assert.ThrowsAny<ArgumentException>(() => new BccCall("GetInstance", HttpMethod.Get, "/v2/instance/{instanceId}", ("instanceId", "..")));
    }

    [Fact]
    public void InstanceId_Safe_BecomesOnePathSegment()
    {
        s_safeId.Sample(id => Assert.Equal("/v2/instance/" + id, new BccCall("GetInstance", HttpMethod.Get, "/v2/instance/{instanceId}", ("instanceId", id)).Path));
    }

    [Fact]
    public async Task RandomFilters_ThroughTheEmulator_AreVerifiedAndArriveIntact()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync();
        int sent = 0;

        await Gen.Select(s_text, s_text).SampleAsync(
            async (name, tag) =>
            {
                host.Emulator.ClearJournal();
                var request = new ListInstancesRequest { FuzzyInstanceName = name.Length == 0 ? null : name, Tags = tag.Length == 0 || tag.Contains(',', StringComparison.Ordinal) ? null : [tag] };
                await foreach (BccInstance _ in host.Client.Instances.ListAsync(request))
                {
                }

                BccExtensions.Testing.BccEmulatorRequest received = Assert.Single(host.Emulator.Journal);
                Assert.Equal(request.FuzzyInstanceName, received.QueryValue("fuzzyInstanceName"));
                Assert.Equal(request.Tags?[0], received.QueryValue("tags"));
                Interlocked.Increment(ref sent);
            },
            iter: 150,
            threads: 1);

        Assert.Equal(150, sent);
    }
}
