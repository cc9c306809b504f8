using BccExtensions.Testing;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// bcc-emulator run by the app host as a process (no container): a local BCC that checks bce-auth-v1 signatures and
/// keeps state. Its connection string, <c>Endpoint={url};AccessKeyId={id};SecretAccessKey={key}</c>, is what
/// <c>builder.AddBccClient(name)</c> (package BccExtensions.Aspire) reads from <c>ConnectionStrings:{name}</c>.
/// </summary>
/// <remarks>The keys are the emulator's well-known ones (<see cref="BccEmulatorOptions.DefaultAccessKeyId"/>): it is not a secret store.</remarks>
public sealed class BccEmulatorResource : ExecutableResource, IResourceWithConnectionString
{
    internal const string EndpointName = "http";

    /// <summary>Creates the resource; <c>builder.AddBccEmulator(name)</c> is the way to add one.</summary>
    /// <param name="name">The resource's name, also the connection string's name.</param>
    /// <param name="workingDirectory">The folder bcc-emulator runs in (the one holding its assembly).</param>
    public BccEmulatorResource(string name, string workingDirectory)
        : base(name, "dotnet", workingDirectory)
    {
        PrimaryEndpoint = new EndpointReference(this, EndpointName);
    }

    /// <summary>Gets the endpoint clients call, through the app host's proxy.</summary>
    public EndpointReference PrimaryEndpoint { get; }

    /// <summary>Gets the access key id the emulator accepts.</summary>
    public string AccessKeyId { get; } = BccEmulatorOptions.DefaultAccessKeyId;

    /// <summary>Gets the secret access key that goes with <see cref="AccessKeyId"/>.</summary>
    public string SecretAccessKey { get; } = BccEmulatorOptions.DefaultSecretAccessKey;

    /// <summary>Gets the number of instances (<c>demo-1</c> to <c>demo-n</c>) the emulator creates at start.</summary>
    public int SeedInstances { get; internal set; }

    /// <summary>Gets <c>Endpoint={url};AccessKeyId={id};SecretAccessKey={key}</c>.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={PrimaryEndpoint.Property(EndpointProperty.Url)};AccessKeyId={AccessKeyId};SecretAccessKey={SecretAccessKey}");

    /// <summary>
    /// Gets the connection's parts for consumers that read them one by one (Baidu's Go, Java and Python SDKs):
    /// <c>Uri</c>, <c>AccessKeyId</c> and <c>SecretAccessKey</c>.
    /// </summary>
    public IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties()
    {
        yield return new("Uri", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Url)}"));
        yield return new("AccessKeyId", ReferenceExpression.Create($"{AccessKeyId}"));
        yield return new("SecretAccessKey", ReferenceExpression.Create($"{SecretAccessKey}"));
    }
}
