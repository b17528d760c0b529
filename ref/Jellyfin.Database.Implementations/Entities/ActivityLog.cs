using System;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Database.Implementations.Entities;

/// <summary>Declaration of Jellyfin's ActivityLog entity (10.11: Jellyfin.Database.Implementations.Entities; subset).</summary>
public class ActivityLog
{
    public ActivityLog(string name, string type, Guid userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(type);
        Name = name;
        Type = type;
        UserId = userId;
        DateCreated = DateTime.UtcNow;
        LogSeverity = LogLevel.Information;
    }

    public int Id { get; private set; }

    public string Name { get; set; }

    public string? Overview { get; set; }

    public string? ShortOverview { get; set; }

    public string Type { get; set; }

    public Guid UserId { get; set; }

    public string? ItemId { get; set; }

    public DateTime DateCreated { get; set; }

    public LogLevel LogSeverity { get; set; }
}
