using System;
using System.Collections.Generic;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's ItemLookupInfo.</summary>
public class ItemLookupInfo : IHasProviderIds
{
    public ItemLookupInfo()
    {
        IsAutomated = true;
        ProviderIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    public string? Name { get; set; }

    public string? OriginalTitle { get; set; }

    public string? Path { get; set; }

    public string? MetadataLanguage { get; set; }

    public string? MetadataCountryCode { get; set; }

    public Dictionary<string, string> ProviderIds { get; set; }

    public int? Year { get; set; }

    public int? IndexNumber { get; set; }

    public int? ParentIndexNumber { get; set; }

    public DateTime? PremiereDate { get; set; }

    public bool IsAutomated { get; set; }
}

/// <summary>Declaration of Jellyfin's MovieInfo.</summary>
public class MovieInfo : ItemLookupInfo
{
}

/// <summary>Declaration of Jellyfin's SeriesInfo.</summary>
public class SeriesInfo : ItemLookupInfo
{
}

/// <summary>Declaration of Jellyfin's BoxSetInfo.</summary>
public class BoxSetInfo : ItemLookupInfo
{
}
