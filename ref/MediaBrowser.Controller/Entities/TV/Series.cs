using MediaBrowser.Controller.Providers;

namespace MediaBrowser.Controller.Entities.TV;

/// <summary>Declaration of Jellyfin's Series (subset).</summary>
public class Series : Folder, IHasLookupInfo<SeriesInfo>
{
    public SeriesInfo GetLookupInfo() => new() { Name = Name, ProviderIds = ProviderIds, Year = ProductionYear, PremiereDate = PremiereDate };
}
