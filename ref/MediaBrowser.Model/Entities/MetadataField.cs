namespace MediaBrowser.Model.Entities;

/// <summary>Declaration of Jellyfin's MetadataField.</summary>
public enum MetadataField
{
    Cast = 0,
    Genres = 1,
    ProductionLocations = 2,
    Studios = 3,
    Tags = 4,
    Name = 5,
    Overview = 6,
    Runtime = 7,
    OfficialRating = 8,
}
