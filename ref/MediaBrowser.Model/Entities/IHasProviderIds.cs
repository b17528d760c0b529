using System.Collections.Generic;

namespace MediaBrowser.Model.Entities;

/// <summary>Declaration of Jellyfin's IHasProviderIds.</summary>
public interface IHasProviderIds
{
    Dictionary<string, string> ProviderIds { get; set; }
}
