using System;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// What Aperture remembers about an integration's recent calls and tests.
/// </summary>
/// <param name="LastSuccessAt">When a call or test last succeeded.</param>
/// <param name="LastErrorAt">When a call or test last failed.</param>
/// <param name="LastError">What the last failure was.</param>
/// <param name="LastTestAt">When the stored credentials were last tested.</param>
/// <param name="LastTestOk">Whether that test succeeded.</param>
/// <param name="Warning">A warning from the last successful test (quota low, model missing), if any.</param>
public sealed record HealthRecord(
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    DateTimeOffset? LastTestAt,
    bool? LastTestOk,
    string? Warning)
{
    /// <summary>Gets the record of an integration that was never called.</summary>
    public static HealthRecord Empty { get; } = new(null, null, null, null, null, null);
}
