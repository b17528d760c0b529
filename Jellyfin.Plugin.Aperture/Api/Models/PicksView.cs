using System;
using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A user's AI picks for the user page.</summary>
public sealed class PicksView
{
    /// <summary>Gets what the picks came from: "AI: model", or the fallback label; null before the first refresh.</summary>
    public string? Source { get; init; }

    /// <summary>Gets what the last refresh found (e.g. "Not enough history yet: …").</summary>
    public required string Message { get; init; }

    /// <summary>Gets when the picks were last refreshed.</summary>
    public DateTimeOffset? RefreshedAt { get; init; }

    /// <summary>Gets today's use of the AI-written reasons' token budget, or null when they are off.</summary>
    public string? ReasonBudget { get; init; }

    /// <summary>Gets the picks, best first, without hidden ones.</summary>
    public required IReadOnlyList<PickView> Picks { get; init; }
}
