using System;
using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// Everything the registry, admin API and settings page need to know about an integration, so they can treat
/// all of them alike.
/// </summary>
/// <param name="Id">Stable id: tmdb, omdb, trakt, mdblist, seerr, ai.</param>
/// <param name="Name">Display name.</param>
/// <param name="SetupOrder">Position in the recommended setup order (1 first).</param>
/// <param name="Priority">The advice level shown on the card.</param>
/// <param name="Purpose">What it brings, in one line.</param>
/// <param name="CredentialFields">The credential inputs.</param>
/// <param name="OptionFields">Service-specific non-secret options.</param>
/// <param name="DefaultBaseUrl">The public service URL; null when the admin must give one (Seerr).</param>
/// <param name="DefaultLimits">The documented default budget.</param>
/// <param name="DependentFeatures">Features that stop working when it is not configured.</param>
/// <param name="SignUpUrl">Where an admin gets a key.</param>
public sealed record IntegrationDescriptor(
    string Id,
    string Name,
    int SetupOrder,
    IntegrationPriority Priority,
    string Purpose,
    IReadOnlyList<CredentialField> CredentialFields,
    IReadOnlyList<OptionField> OptionFields,
    Uri? DefaultBaseUrl,
    IntegrationLimits DefaultLimits,
    IReadOnlyList<string> DependentFeatures,
    Uri SignUpUrl);
