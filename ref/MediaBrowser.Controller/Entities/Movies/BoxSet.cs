using MediaBrowser.Controller.Providers;

namespace MediaBrowser.Controller.Entities.Movies;

/// <summary>Declaration of Jellyfin's BoxSet (subset).</summary>
public class BoxSet : Folder, IHasLookupInfo<BoxSetInfo>
{
    public BoxSetInfo GetLookupInfo() => new() { Name = Name, ProviderIds = ProviderIds, Year = ProductionYear };
}
