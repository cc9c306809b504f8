using System.Text.Json.Serialization;

namespace BccExtensions.Internal;

/// <summary>The source-generated JSON metadata of every wire type (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(BceErrorBody))]
[JsonSerializable(typeof(StsCredentialsResponse))]
[JsonSerializable(typeof(ListInstancesResponse))]
[JsonSerializable(typeof(GetInstanceResponse))]
[JsonSerializable(typeof(CreateInstanceRequest))]
[JsonSerializable(typeof(CreateInstanceResult))]
[JsonSerializable(typeof(StopInstanceRequest))]
[JsonSerializable(typeof(RebootInstanceRequest))]
[JsonSerializable(typeof(ListZonesResponse))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class BccJsonContext : JsonSerializerContext;
