using System;
using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>
/// One integration as the settings page shows it. Holds no secret: credentials appear only as "configured" and
/// a short mask.
/// </summary>
public sealed class IntegrationView
{
    /// <summary>Gets the id (tmdb, omdb, trakt, mdblist, seerr, ai).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the position in the recommended setup order.</summary>
    public int SetupOrder { get; init; }

    /// <summary>Gets the advice label: Essential, Highly recommended, Recommended, Optional.</summary>
    public required string Priority { get; init; }

    /// <summary>Gets what the integration brings.</summary>
    public required string Purpose { get; init; }

    /// <summary>Gets the status: NotConfigured, Testing, Connected, Warning or Error.</summary>
    public required string Status { get; init; }

    /// <summary>Gets why the integration has that status, in words an admin understands.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets a value indicating whether every required credential (and URL) is set.</summary>
    public bool Configured { get; init; }

    /// <summary>Gets the credential fields with their state and mask.</summary>
    public required IReadOnlyList<CredentialFieldView> Credentials { get; init; }

    /// <summary>Gets the service-specific options with their values.</summary>
    public required IReadOnlyList<OptionView> Options { get; init; }

    /// <summary>Gets the effective base URL, or null when none is set (Seerr).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Gets the documented default base URL, or null.</summary>
    public string? DefaultBaseUrl { get; init; }

    /// <summary>Gets the effective limits.</summary>
    public required LimitsView Limits { get; init; }

    /// <summary>Gets what the budget currently holds.</summary>
    public required BudgetView Budget { get; init; }

    /// <summary>Gets when a call or test last succeeded.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>Gets when a call or test last failed.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Gets what the last failure was (no secrets).</summary>
    public string? LastError { get; init; }

    /// <summary>Gets the features that stop working without this integration.</summary>
    public required IReadOnlyList<string> DependentFeatures { get; init; }

    /// <summary>Gets where an admin gets a key.</summary>
    public required string SignUpUrl { get; init; }
}
