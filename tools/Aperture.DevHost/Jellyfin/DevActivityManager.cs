using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Database.Implementations.Entities;
using MediaBrowser.Model.Activity;

namespace Aperture.DevHost.Jellyfin;

/// <summary>Stand-in for Jellyfin's activity log: keeps the last entries in memory for <c>GET /dev/activity</c>.</summary>
public sealed class DevActivityManager : IActivityManager
{
    private const int Keep = 200;
    private readonly object _lock = new();
    private readonly LinkedList<ActivityLog> _entries = new();

    /// <summary>Gets the entries, newest first.</summary>
    public IReadOnlyList<ActivityLog> Entries
    {
        get
        {
            lock (_lock)
            {
                return _entries.ToList();
            }
        }
    }

    public Task CreateAsync(ActivityLog entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _entries.AddFirst(entry);
            while (_entries.Count > Keep)
            {
                _entries.RemoveLast();
            }
        }

        return Task.CompletedTask;
    }
}
