namespace Jellyfin.Data.Enums;

/// <summary>Declaration of Jellyfin's MediaType.</summary>
public enum MediaType
{
    Unknown = 0,
    Video = 1,
    Audio = 2,
    Photo = 3,
    Book = 4,
}
