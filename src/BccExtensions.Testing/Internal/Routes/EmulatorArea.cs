namespace BccExtensions.Testing.Internal.Routes;

/// <summary>An area of the API the emulator models: its routes, and whether it only reads the emulator's tables.</summary>
/// <param name="Name">The area as docs/testing.md names it.</param>
/// <param name="Routes">The operations and their handlers.</param>
/// <param name="Catalogue">Whether the area answers from the spec, zone, image and price tables (and the counts of state), changing nothing.</param>
internal sealed record EmulatorArea(string Name, IReadOnlyList<KeyValuePair<string, EmulatorRoute>> Routes, bool Catalogue = false);
