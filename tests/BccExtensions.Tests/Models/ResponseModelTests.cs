using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using BccExtensions.Tests.Helpers;

namespace BccExtensions.Tests.Models;

/// <summary>
/// Reads an answer built from spec/bcc-responses.json for every operation that returns a body: every field must
/// survive, and the service's quirks (numbers and flags as strings, strings as numbers) must read the same.
/// </summary>
public sealed class ResponseModelTests
{
    private static readonly JsonObject s_responses = AnswerSamples.Responses;

    [Fact]
    public void OperationsWithABody_AreTheOnesTheSpecCounts()
    {
        Assert.Equal(110, s_responses["operations"]!.AsObject().Count(o => o.Value!["response"] is not null));
        Assert.Equal(219, s_responses["types"]!.AsObject().Count);
    }

    [Theory]
    [MemberData(nameof(AnswerSamples.OperationsWithABody), MemberType = typeof(AnswerSamples))]
    public void Deserialize_RealisticAnswer_KeepsEveryField(string operation)
    {
        string wireType = AnswerSamples.ResponseOf(operation);
        JsonNode answer = AnswerSamples.Sample(wireType, quirky: false, depth: 0);

        JsonNode written = AnswerSamples.RoundTrip(wireType, answer);

        if (answer is JsonObject fields)
        {
            foreach ((string name, JsonNode? value) in fields)
            {
                Assert.True(JsonNode.DeepEquals(value, written[name]), $"{wireType}.{name}: sent {value?.ToJsonString()}, read back {written[name]?.ToJsonString()}");
            }
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(answer, written), wireType);
        }
    }

    [Theory]
    [MemberData(nameof(AnswerSamples.OperationsWithABody), MemberType = typeof(AnswerSamples))]
    public void Deserialize_NumbersAndFlagsAsStrings_ReadsTheSameValues(string operation)
    {
        string wireType = AnswerSamples.ResponseOf(operation);

        JsonNode plain = AnswerSamples.RoundTrip(wireType, AnswerSamples.Sample(wireType, quirky: false, depth: 0));
        JsonNode quirky = AnswerSamples.RoundTrip(wireType, AnswerSamples.Sample(wireType, quirky: true, depth: 0));

        Assert.True(JsonNode.DeepEquals(plain, quirky), $"{wireType}: {plain.ToJsonString()} vs {quirky.ToJsonString()}");
    }
}
