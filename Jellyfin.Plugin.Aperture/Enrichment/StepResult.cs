using System;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// One service's result for one item.
/// </summary>
/// <param name="Service">The integration id.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Message">Why, for failures, deferrals and skips.</param>
/// <param name="ResetAt">When a spent quota resets, for deferrals.</param>
public sealed record StepResult(string Service, StepKind Kind, string? Message = null, DateTimeOffset? ResetAt = null);
