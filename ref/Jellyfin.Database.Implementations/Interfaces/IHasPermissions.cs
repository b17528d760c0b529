using System.Collections.Generic;
using Jellyfin.Database.Implementations.Entities;

namespace Jellyfin.Database.Implementations.Interfaces;

/// <summary>Declaration of Jellyfin's IHasPermissions.</summary>
public interface IHasPermissions
{
    ICollection<Permission> Permissions { get; }
}
