namespace BccExtensions.Testing.Internal;

/// <summary>Who signed a request: the access key and its secret (temporary keys come from the emulator's STS).</summary>
internal sealed record EmulatorCaller(string AccessKeyId, string SecretAccessKey, bool IsTemporary);
