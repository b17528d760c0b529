using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Configuration;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>Body of GET /Aperture/Enrichment: settings, recent runs and items with problems.</summary>
public sealed class EnrichmentView
{
    /// <summary>Gets or sets the enrichment settings.</summary>
    public EnrichmentSettings Settings { get; set; } = new();

    /// <summary>Gets or sets the last runs, newest first.</summary>
    public IReadOnlyList<EnrichmentRunView> Runs { get; set; } = [];

    /// <summary>Gets or sets the most recent per-item problems (failed or deferred), newest first.</summary>
    public IReadOnlyList<EnrichmentProblemView> Problems { get; set; } = [];
}
