namespace Aperture.DevHost;

/// <summary>One emulator as the dev host describes it in demo mode.</summary>
/// <param name="Service">The integration id it stands in for.</param>
/// <param name="BaseUrl">Its loopback base URL.</param>
/// <param name="Mode">Its fault mode.</param>
/// <param name="DemoKey">The fake key it accepts.</param>
/// <param name="DemoSecret">The fake client secret it accepts (Trakt), if any.</param>
public sealed record EmulatorDescription(string Service, string BaseUrl, string Mode, string DemoKey, string? DemoSecret);
