namespace MediaBrowser.Model.Entities;

/// <summary>Declaration of Jellyfin's ImageType.</summary>
public enum ImageType
{
    Primary = 0,
    Art = 1,
    Backdrop = 2,
    Banner = 3,
    Logo = 4,
    Thumb = 5,
    Disc = 6,
    Box = 7,
    Screenshot = 8,
    Menu = 9,
    Chapter = 10,
    BoxRear = 11,
    Profile = 12,
}
