using System.Threading.Tasks;
using Jellyfin.Database.Implementations.Entities;

namespace MediaBrowser.Model.Activity;

/// <summary>Declaration of Jellyfin's IActivityManager (subset: the plugin only consumes it).</summary>
public interface IActivityManager
{
    Task CreateAsync(ActivityLog entry);
}
