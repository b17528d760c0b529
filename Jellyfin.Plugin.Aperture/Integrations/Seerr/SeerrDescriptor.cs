using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>What the settings page shows for Seerr, and its documented default budget.</summary>
internal static class SeerrDescriptor
{
    /// <summary>Gets the descriptor.</summary>
    public static IntegrationDescriptor Value { get; } = new(
        IntegrationIds.Seerr,
        "Jellyseerr",
        6,
        IntegrationPriority.Optional,
        "Request titles found in Discovery through your Jellyseerr / Seerr / Overseerr, and show what is already available or requested.",
        [new CredentialField("apiKey", "API key", true, "Copy it from Seerr → Settings → General → API Key.")],
        [],
        // Seerr runs on the admin's own network; there is no public address to default to.
        null,
        new IntegrationLimits(10, TimeSpan.FromSeconds(1), 0, 0, 4, TimeSpan.FromSeconds(10)),
        ["Discovery requests", "Availability"],
        new Uri("https://github.com/seerr-team/seerr"));
}
