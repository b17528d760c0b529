namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// A change to the enrichment settings: only the fields that are set change, so a page or script that sends one
/// field never resets the others to their defaults.
/// </summary>
public sealed class EnrichmentSettingsChange
{
    /// <summary>Gets or sets the critic rating switch.</summary>
    public bool? CriticRating { get; set; }

    /// <summary>Gets or sets the keyword tags switch.</summary>
    public bool? KeywordTags { get; set; }

    /// <summary>Gets or sets the collections switch.</summary>
    public bool? Collections { get; set; }

    /// <summary>Gets or sets the extra crew switch.</summary>
    public bool? ExtraCrew { get; set; }

    /// <summary>Gets or sets the awards switch.</summary>
    public bool? Awards { get; set; }

    /// <summary>Gets or sets the score tags switch.</summary>
    public bool? ScoreTags { get; set; }

    /// <summary>Gets or sets the images switch.</summary>
    public bool? Images { get; set; }

    /// <summary>Gets or sets the critic score sources in order ("mdblist,omdb").</summary>
    public string? CriticSourceOrder { get; set; }

    /// <summary>Gets or sets the preferred image language.</summary>
    public string? ImageLanguage { get; set; }

    /// <summary>Gets or sets how many days fetched data stays fresh.</summary>
    public int? FreshDays { get; set; }

    /// <summary>Gets or sets how many days a "not found" answer is trusted.</summary>
    public int? NotFoundDays { get; set; }

    /// <summary>Gets or sets the first retry delay in minutes.</summary>
    public int? RetryMinutes { get; set; }

    /// <summary>
    /// Writes the set fields onto a copy of the current settings.
    /// </summary>
    /// <param name="settings">The copy.</param>
    public void ApplyTo(EnrichmentSettings settings)
    {
        System.ArgumentNullException.ThrowIfNull(settings);
        settings.CriticRating = CriticRating ?? settings.CriticRating;
        settings.KeywordTags = KeywordTags ?? settings.KeywordTags;
        settings.Collections = Collections ?? settings.Collections;
        settings.ExtraCrew = ExtraCrew ?? settings.ExtraCrew;
        settings.Awards = Awards ?? settings.Awards;
        settings.ScoreTags = ScoreTags ?? settings.ScoreTags;
        settings.Images = Images ?? settings.Images;
        settings.CriticSourceOrder = CriticSourceOrder ?? settings.CriticSourceOrder;
        settings.ImageLanguage = ImageLanguage ?? settings.ImageLanguage;
        settings.FreshDays = FreshDays ?? settings.FreshDays;
        settings.NotFoundDays = NotFoundDays ?? settings.NotFoundDays;
        settings.RetryMinutes = RetryMinutes ?? settings.RetryMinutes;
    }
}
