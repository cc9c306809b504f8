using System.Net;
using System.Text.Json;
using BccExtensions.Testing.Internal;
using BccExtensions.Testing.Internal.Routes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>Every operation the client can call reaches the emulator as a known BCC operation: modelled, or 501 naming it.</summary>
public sealed class BccEmulatorCoverageTests
{
    private static readonly Dictionary<string, string?> s_noRetries = new() { ["Bcc:DisableRetries"] = "true" };

    public static TheoryData<string> OperationNames => new(OperationSamples.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Call_AnyOperation_IsRecognisedByTheEmulator(string operation)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(s_noRetries);

        BccServiceException? refused = null;
        try
        {
            await OperationSamples.All[operation](host.Client);
        }
        catch (BccServiceException exception)
        {
            refused = exception;
        }
        catch (JsonException)
        {
            // A modelled answer the sample arguments do not fit; the operation was recognised.
        }

        Assert.False(refused is { StatusCode: HttpStatusCode.NotFound } && refused.ServiceMessage.StartsWith("No BCC operation matches", StringComparison.Ordinal), refused?.ServiceMessage);
        if (refused is { StatusCode: HttpStatusCode.NotImplemented })
        {
            Assert.Equal("NotImplemented", refused.ErrorCode);
            Assert.Contains(" " + OperationNameOnTheWire(operation) + ".", refused.ServiceMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Modelled_NamesOnlyOperationsTheClientKnows()
    {
        Assert.Equal(51, EmulatorRoutes.ByOperation.Count); // 49 BCC operations and STS's two
        Assert.All(EmulatorRoutes.ByOperation.Keys, name => Assert.Contains(KnownOperation.All, operation => operation.Name == name));
    }

    [Fact]
    public async Task Call_UnmodelledOperation_Answers501WithABceError()
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(s_noRetries);

        BccServiceException refused = await Assert.ThrowsAsync<BccServiceException>(() => host.Client.EhcClusters.ListAsync());

        Assert.Equal((HttpStatusCode.NotImplemented, "NotImplemented"), (refused.StatusCode, refused.ErrorCode));
        Assert.Equal("The emulator does not model BCC operation EhcClusterList.", refused.ServiceMessage);
        Assert.NotNull(refused.RequestId);
        Assert.Single(host.Emulator.Journal);
    }

    // Aliases share their target's wire form, so the emulator names the target.
    private static string OperationNameOnTheWire(string operation) => operation switch
    {
        "CreateInstanceV2" => "CreateInstance",
        "DeletesInstanceDeploySet" => "DeleteInstanceDeploySet",
        _ => operation,
    };
}
