using System;
using System.Linq;

namespace MediaBrowser.Controller.Entities;

/// <summary>Declaration of Jellyfin's TagExtensions: adds a tag unless it is already present (case-insensitive).</summary>
public static class TagExtensions
{
    public static void AddTag(this BaseItem item, string name)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!item.Tags.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            item.Tags = [.. item.Tags, name];
        }
    }
}
