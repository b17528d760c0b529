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

        if (settings.FreshDays < 1 || settings.FreshDays > SettingsBounds.MaxDays)
        {
            return $"Fresh days must be between 1 and {SettingsBounds.MaxDays:N0}.";
        }

        if (settings.NotFoundDays < 1 || settings.NotFoundDays > SettingsBounds.MaxDays)
        {
            return $"Not-found days must be between 1 and {SettingsBounds.MaxDays:N0}.";
        }

        if (settings.RetryMinutes < 1 || settings.RetryMinutes > SettingsBounds.MaxRetryMinutes)
        {
            return $"The retry delay must be between 1 and {SettingsBounds.MaxRetryMinutes:N0} minutes.";
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
    /// Validates and saves new enrichment settings as a whole.
    /// </summary>
    /// <param name="settings">The new settings.</param>
    /// <returns>Why they are refused (nothing saved), or null when saved.</returns>
    public string? Update(EnrichmentSettings? settings)
    {
        if (settings is null)
        {
            return "Send the enrichment settings.";
        }

        return Save(_ => settings.Clone());
    }

    /// <summary>
    /// Changes only the fields the change sets; the result is validated as a whole.
    /// </summary>
    /// <param name="change">The fields to change.</param>
    /// <returns>Why the result is refused (nothing saved), or null when saved.</returns>
    public string? Update(EnrichmentSettingsChange? change)
    {
        if (change is null)
        {
            return "Send the enrichment settings to change.";
        }

        return Save(current =>
        {
            var merged = current.Clone();
            change.ApplyTo(merged);
            return merged;
        });
    }

    private string? Save(Func<EnrichmentSettings, EnrichmentSettings> change) => _store.Update(configuration =>
    {
        var candidate = change(configuration.Enrichment ?? new EnrichmentSettings());
        var problem = Validate(candidate);
        if (problem is not null)
        {
            return problem;
        }

        candidate.CriticSourceOrder = string.Join(',', SplitOrder(candidate.CriticSourceOrder));
        candidate.ImageLanguage = candidate.ImageLanguage.Trim().ToLowerInvariant();
        configuration.Enrichment = candidate;
        return null;
    });

    private static string[] SplitOrder(string? order) =>
        (order ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant())
            .ToArray();
}
