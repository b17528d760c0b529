using System;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// An open (or closed) alert about one integration.
/// </summary>
/// <param name="Id">The alert id.</param>
/// <param name="Service">The integration id.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Message">What happened (no secrets; upstream text is escaped by the page).</param>
/// <param name="Action">What the admin should do.</param>
/// <param name="Count">How many times it happened while open.</param>
/// <param name="FirstSeen">When it first happened.</param>
/// <param name="LastSeen">When it last happened.</param>
/// <param name="ResetAt">When a spent quota resets, if known.</param>
/// <param name="ResolvedAt">When it was cleared or dismissed; null while open.</param>
/// <param name="Resolution">How it was closed: recovered, dismissed, credentials changed.</param>
/// <param name="Scope">Whose account it is about (a Jellyfin user id for a Trakt account limit), or null for the service.</param>
public sealed record Alert(
    long Id,
    string Service,
    AlertKind Kind,
    AlertSeverity Severity,
    string Message,
    string Action,
    int Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResetAt,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    string? Scope = null);
