using System.Linq;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Database.Implementations.Enums;
using Jellyfin.Database.Implementations.Interfaces;

namespace Jellyfin.Data;

/// <summary>Declaration of Jellyfin's UserEntityExtensions (subset).</summary>
public static class UserEntityExtensions
{
    public static bool HasPermission(this IHasPermissions entity, PermissionKind kind)
    {
        return entity.Permissions.FirstOrDefault(p => p.Kind == kind)?.Value ?? false;
    }

    public static void SetPermission(this IHasPermissions entity, PermissionKind kind, bool value)
    {
        var current = entity.Permissions.FirstOrDefault(p => p.Kind == kind);
        if (current is null)
        {
            entity.Permissions.Add(new Permission(kind, value));
        }
        else
        {
            current.Value = value;
        }
    }
}
