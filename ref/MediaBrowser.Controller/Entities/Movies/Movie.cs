using MediaBrowser.Controller.Providers;

namespace MediaBrowser.Controller.Entities.Movies;

/// <summary>Declaration of Jellyfin's Movie (subset).</summary>
public class Movie : Video, IHasLookupInfo<MovieInfo>
{
    public string? TmdbCollectionName { get; set; }

    public string? CollectionName
    {
        get => TmdbCollectionName;
        set => TmdbCollectionName = value;
    }

    public MovieInfo GetLookupInfo() => new() { Name = Name, ProviderIds = ProviderIds, Year = ProductionYear, PremiereDate = PremiereDate, Path = Path };
}
