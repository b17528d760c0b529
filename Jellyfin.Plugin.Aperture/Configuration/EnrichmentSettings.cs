namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// What the enrichment writes and how long fetched data stays fresh. Every switch can be turned off on the
/// settings page.
/// </summary>
public class EnrichmentSettings
{
    /// <summary>
    /// How long the image provider waits for TMDb's image list, in seconds, when Jellyfin asks for images (the
    /// library's image fetchers, or the image picker). Past that it offers no images rather than hold the caller.
    /// </summary>
    public const int ImageLookupTimeoutSeconds = 4;

    /// <summary>Gets or sets a value indicating whether the Rotten Tomatoes critic score goes into CriticRating.</summary>
    public bool CriticRating { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether TMDb keywords are added as tags.</summary>
    public bool KeywordTags { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether a missing TMDb collection is filled in (movies).</summary>
    public bool Collections { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether cinematographer, composer and editor are added to People.</summary>
    public bool ExtraCrew { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether awards are fetched (from OMDb; costs one OMDb request per movie).</summary>
    public bool Awards { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether filter tags such as "Oscar Winner" or "Metacritic 80+" are added.</summary>
    public bool ScoreTags { get; set; }

    /// <summary>Gets or sets a value indicating whether TMDb backdrops, posters and logos are offered as images.</summary>
    public bool Images { get; set; } = true;

    /// <summary>Gets or sets the critic score sources in order, comma-separated ("mdblist,omdb").</summary>
    public string CriticSourceOrder { get; set; } = "mdblist,omdb";

    /// <summary>Gets or sets the preferred image language (ISO 639-1), besides images without text.</summary>
    public string ImageLanguage { get; set; } = "en";

    /// <summary>Gets or sets how many days fetched data stays fresh.</summary>
    public int FreshDays { get; set; } = 30;

    /// <summary>Gets or sets how many days a "not found" answer is trusted before asking again.</summary>
    public int NotFoundDays { get; set; } = 7;

    /// <summary>Gets or sets the first retry delay in minutes after a failure (doubles per failure, at most a day).</summary>
    public int RetryMinutes { get; set; } = 60;

    /// <summary>
    /// Makes a copy (every member is a value or a string).
    /// </summary>
    /// <returns>The copy.</returns>
    public EnrichmentSettings Clone() => (EnrichmentSettings)MemberwiseClone();
}
