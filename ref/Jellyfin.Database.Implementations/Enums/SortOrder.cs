namespace Jellyfin.Database.Implementations.Enums;

/// <summary>Declaration of Jellyfin's SortOrder (moved here from Jellyfin.Data.Enums in 10.11).</summary>
public enum SortOrder
{
    Ascending = 0,
    Descending = 1,
}
