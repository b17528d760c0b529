using System;
using System.Linq;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Validates and saves the enrichment settings, leaving every other setting as it is. A refused change saves
/// nothing, so a bad value can never reach Jellyfin's XML (which resets the whole file when a value fails to load).
/// </summary>
public sealed class EnrichmentSettingsService
{
    private static readonly string[] _criticSources = [IntegrationIds.MdbList, IntegrationIds.Omdb];
    private readonly IPluginConfigurationStore _store;
    private readonly object _saveLock = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichmentSettingsService"/> class.
    /// </summary>
    /// <param name="store">The settings store.</param>
    public EnrichmentSettingsService(IPluginConfigurationStore store)
    {
        _store = store;
    }

    /// <summary>Gets the current enrichment settings.</summary>
    public EnrichmentSettings Current => _store.Current.Enrichment ?? new EnrichmentSettings();

    /// <summary>
    /// Checks settings before they are saved.
    /// </summary>
    /// <param name="settings">The candidate settings.</param>
    /// <returns>Why they are refused, or null when they are valid.</returns>
    public static string? Validate(EnrichmentSettings? settings)
    {
        if (settings is null)
        {
            return "Send the enrichment settings.";
        }

        if (settings.FreshDays < 1 || settings.NotFoundDays < 1)
        {
            return "Fresh days and not-found days must be 1 or more.";
        }

        if (settings.RetryMinutes < 1)
        {
            return "The retry delay must be 1 minute or more.";
        }

        var order = SplitOrder(settings.CriticSourceOrder);
        if (order.Length == 0 || order.Any(s => !_criticSources.Contains(s, StringComparer.Ordinal)) || order.Distinct(StringComparer.Ordinal).Count() != order.Length)
        {
            return "The critic score order may only list mdblist and omdb, each once, separated by commas (for example \"mdblist,omdb\").";
        }

        var language = (settings.ImageLanguage ?? string.Empty).Trim();
        if (language.Length != 2 || !language.All(char.IsAsciiLetter))
        {
            return "The image language must be a two-letter ISO 639-1 code, for example \"en\".";
        }

        return null;
    }

    /// <summary>
    /// Validates and saves new enrichment settings.
    /// </summary>
    /// <param name="settings">The new settings.</param>
    /// <returns>Why they are refused (nothing saved), or null when saved.</returns>
    public string? Update(EnrichmentSettings? settings)
    {
        var problem = Validate(settings);
        if (problem is not null)
        {
            return problem;
        }

        var normalized = new EnrichmentSettings
        {
            CriticRating = settings!.CriticRating,
            KeywordTags = settings.KeywordTags,
            Collections = settings.Collections,
            ExtraCrew = settings.ExtraCrew,
            Awards = settings.Awards,
            ScoreTags = settings.ScoreTags,
            Images = settings.Images,
            CriticSourceOrder = string.Join(',', SplitOrder(settings.CriticSourceOrder)),
            ImageLanguage = settings.ImageLanguage.Trim().ToLowerInvariant(),
            FreshDays = settings.FreshDays,
            NotFoundDays = settings.NotFoundDays,
            RetryMinutes = settings.RetryMinutes,
        };
        lock (_saveLock)
        {
            var configuration = _store.Current;
            configuration.Enrichment = normalized;
            _store.Save(configuration);
        }

        return null;
    }

    private static string[] SplitOrder(string? order) =>
        (order ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant())
            .ToArray();
}
