using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>Answer of POST /Aperture/Integrations/{id}/Test.</summary>
public sealed class TestResultView
{
    /// <summary>Gets a value indicating whether the credentials work.</summary>
    public bool Success { get; init; }

    /// <summary>Gets the outcome: Success, Authentication, RateLimited, QuotaExhausted, Outage, BadResponse, NotFound.</summary>
    public required string Outcome { get; init; }

    /// <summary>Gets what happened, for the admin.</summary>
    public required string Message { get; init; }

    /// <summary>Gets a warning when it works but needs attention.</summary>
    public string? Warning { get; init; }

    /// <summary>Gets facts the test learned (account, tier, version, usage, models).</summary>
    public required IReadOnlyDictionary<string, string> Details { get; init; }

    /// <summary>Gets the integration after the test (null for a candidate test).</summary>
    public IntegrationView? Integration { get; init; }
}
