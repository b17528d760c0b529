namespace MediaBrowser.Model.Providers;

/// <summary>Declaration of Jellyfin's ExternalIdMediaType (explicit values; later members not verified for 10.11.0 are left out).</summary>
public enum ExternalIdMediaType
{
    Album = 1,
    AlbumArtist = 2,
    Artist = 3,
    BoxSet = 4,
    Episode = 5,
    Movie = 6,
    OtherArtist = 7,
    Person = 8,
    ReleaseGroup = 9,
    Season = 10,
    Series = 11,
    Track = 12,
}
