using System;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>An open alert as the banner shows it.</summary>
public sealed class AlertView
{
    /// <summary>Gets the alert id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the integration id.</summary>
    public required string Service { get; init; }

    /// <summary>Gets the integration name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Gets the kind: Authentication, RateLimit, Quota, Outage, BadResponse, AccountLimit.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the severity: Error, Warning, Info.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets what happened.</summary>
    public required string Message { get; init; }

    /// <summary>Gets what to do.</summary>
    public required string Action { get; init; }

    /// <summary>Gets how often it happened while open.</summary>
    public int Count { get; init; }

    /// <summary>Gets when it first happened.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>Gets when it last happened.</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Gets when a spent quota resets, if known.</summary>
    public DateTimeOffset? ResetAt { get; init; }

    /// <summary>Gets the Jellyfin user (id, no dashes) whose account the alert is about, or null for the whole service.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets that user's name, when the user still exists.</summary>
    public string? UserName { get; init; }
}
