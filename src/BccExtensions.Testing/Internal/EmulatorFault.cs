namespace BccExtensions.Testing.Internal;

/// <summary>A fault of the emulator itself (an answer that does not fit BCC's shapes): answered as 500 InternalError, naming it.</summary>
internal sealed class EmulatorFault(string message) : Exception(message);
