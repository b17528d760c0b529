namespace Jellyfin.Data.Enums;

/// <summary>
/// Declaration of Jellyfin's PersonKind (implicit order in Jellyfin; numbers written out). Later members
/// (e.g. Narrator) were not verified for 10.11.0 and are left out.
/// </summary>
public enum PersonKind
{
    Unknown = 0,
    Actor = 1,
    Director = 2,
    Composer = 3,
    Writer = 4,
    GuestStar = 5,
    Producer = 6,
    Conductor = 7,
    Lyricist = 8,
    Arranger = 9,
    Engineer = 10,
    Mixer = 11,
    Remixer = 12,
    Creator = 13,
    Artist = 14,
    AlbumArtist = 15,
    Author = 16,
    Illustrator = 17,
    Penciller = 18,
    Inker = 19,
    Colorist = 20,
    Letterer = 21,
    CoverArtist = 22,
    Editor = 23,
    Translator = 24,
}
