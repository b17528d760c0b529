using System;
using System.Collections.Generic;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's MetadataResult&lt;T&gt; (subset: Images/LocalImageInfo left out).</summary>
/// <typeparam name="T">The item type.</typeparam>
public class MetadataResult<T>
{
    public MetadataResult()
    {
        RemoteImages = new List<(string Url, ImageType Type)>();
        People = Array.Empty<PersonInfo>();
        ResultLanguage = "en";
    }

    public List<(string Url, ImageType Type)> RemoteImages { get; set; }

    public IReadOnlyList<PersonInfo> People { get; set; }

    public bool HasMetadata { get; set; }

    public T? Item { get; set; }

    public string? ResultLanguage { get; set; }

    public string? Provider { get; set; }

    public bool QueriedById { get; set; }

    public void AddPerson(PersonInfo p)
    {
        People = new List<PersonInfo>(People) { p };
    }

    public void ResetPeople()
    {
        People = Array.Empty<PersonInfo>();
    }
}
