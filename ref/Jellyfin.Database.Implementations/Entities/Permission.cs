using Jellyfin.Database.Implementations.Enums;

namespace Jellyfin.Database.Implementations.Entities;

/// <summary>Declaration of Jellyfin's Permission entity (subset).</summary>
public class Permission
{
    public Permission(PermissionKind kind, bool value)
    {
        Kind = kind;
        Value = value;
    }

    public PermissionKind Kind { get; private set; }

    public bool Value { get; set; }
}
