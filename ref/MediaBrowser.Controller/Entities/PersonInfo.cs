using System;
using System.Collections.Generic;
using Jellyfin.Data.Enums;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Entities;

/// <summary>Declaration of Jellyfin's PersonInfo.</summary>
public sealed class PersonInfo : IHasProviderIds
{
    public PersonInfo()
    {
        ProviderIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public PersonKind Type { get; set; }

    public int? SortOrder { get; set; }

    public string? ImageUrl { get; set; }

    public Dictionary<string, string> ProviderIds { get; set; }

    public bool IsType(PersonKind type) => Type == type;
}
