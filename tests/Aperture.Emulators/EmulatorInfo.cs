namespace Aperture.Emulators;

/// <summary>Placeholder until the emulators land.</summary>
public static class EmulatorInfo
{
    /// <summary>The loopback address every emulator binds to.</summary>
    public const string Loopback = "127.0.0.1";
}
