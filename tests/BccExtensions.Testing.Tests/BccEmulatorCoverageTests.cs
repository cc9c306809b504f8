using System.Net;
using System.Text.Json;
using BccExtensions.Testing.Internal;
using BccExtensions.Testing.Internal.Routes;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Testing.Tests;

/// <summary>Every operation the client can call is modelled: none answers 501, none makes the emulator fail.</summary>
public sealed class BccEmulatorCoverageTests
{
    private static readonly Dictionary<string, string?> s_noRetries = new() { ["Bcc:DisableRetries"] = "true" };

    public static TheoryData<string> OperationNames => new(OperationSamples.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Call_AnyOperation_IsModelled(string operation)
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

        // The sample arguments name resources that do not exist and values like "x": a 4xx naming what is wrong is an
        // answer; 501 (not modelled) and 5xx (an emulator fault, such as an answer that does not fit its shape) are not.
        Assert.True(refused is null or { StatusCode: < HttpStatusCode.InternalServerError }, $"{operation}: {refused?.StatusCode} {refused?.ErrorCode} {refused?.ServiceMessage}");
        Assert.Single(host.Emulator.Journal);
    }

    [Fact]
    public void Modelled_EveryBccOperationAndStsTwo()
    {
        Assert.All(BccOperationTable.All, operation => Assert.True(EmulatorRoutes.ByOperation.ContainsKey(operation.Name), $"{operation.Name} is not modelled."));
        Assert.All(EmulatorRoutes.ByOperation.Keys, name => Assert.Contains(KnownOperation.All, operation => operation.Name == name));
        Assert.Equal(BccOperationTable.All.Select(o => o.Name).Distinct().Count() + 2, EmulatorRoutes.ByOperation.Count);
    }

    [Fact]
    public void Dispatch_OperationWithoutRoute_Answers501NamingIt()
    {
        var state = new EmulatorState(new BccEmulatorOptions(), new EmulatorKeys(new BccEmulatorOptions()));
        var dispatcher = new EmulatorDispatcher(state, new BccEmulatorOptions());
        var operation = new KnownOperation("InventedOperation", "GET", "/v2/invented", "");
        var call = new EmulatorCall(operation, "GET", ["v2", "invented"], new Dictionary<string, string>(), [], new EmulatorCaller("ak", "sk", false), DateTimeOffset.UnixEpoch);

        EmulatorError refused = Assert.Throws<EmulatorError>(() => dispatcher.Dispatch(call));

        Assert.Equal((HttpStatusCode.NotImplemented, "NotImplemented"), (refused.Status, refused.Code));
        Assert.Equal("The emulator does not model BCC operation InventedOperation.", refused.Message);
    }
}
