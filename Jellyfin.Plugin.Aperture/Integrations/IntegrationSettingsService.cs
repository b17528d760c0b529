using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using Jellyfin.Plugin.Aperture.Configuration;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// Resolves an integration's effective base URL and limits: the admin's setting where one is given, the
/// documented default otherwise. Validates changes before they are saved.
/// </summary>
public sealed class IntegrationSettingsService
{
    private readonly IPluginConfigurationStore _store;
    private readonly IntegrationRegistry _registry;

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationSettingsService"/> class.
    /// </summary>
    /// <param name="store">The settings store.</param>
    /// <param name="registry">The integrations.</param>
    public IntegrationSettingsService(IPluginConfigurationStore store, IntegrationRegistry registry)
    {
        _store = store;
        _registry = registry;
    }

    /// <summary>
    /// Parses a base URL as the admin typed it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="url">The URL, when valid.</param>
    /// <param name="error">Why it is refused, when invalid.</param>
    /// <returns>True when the text is an absolute http or https URL.</returns>
    public static bool TryParseBaseUrl(string? text, out Uri? url, out string? error)
    {
        url = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Enter a base URL, for example https://api.example.com.";
            return false;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(parsed.Host))
        {
            error = "The base URL must be a full http:// or https:// address, for example https://api.example.com.";
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            error = "The base URL must not hold a user name, password, query string or fragment; enter keys in the key fields.";
            return false;
        }

        url = parsed;
        return true;
    }

    /// <summary>
    /// Gets the stored settings of an integration (null values mean "default").
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>A copy of the stored settings.</returns>
    public IntegrationSettings GetStored(string id)
    {
        var stored = Find(_store.Current, id);
        return stored is null ? new IntegrationSettings { Id = id } : stored.Clone();
    }

    /// <summary>
    /// Gets the effective base URL.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>The URL, or null when the service has no default and none is set.</returns>
    public Uri? GetBaseUrl(string id)
    {
        var stored = Find(_store.Current, id);
        if (stored?.BaseUrl is not null && TryParseBaseUrl(stored.BaseUrl, out var url, out _))
        {
            return url;
        }

        return _registry.Get(id).Descriptor.DefaultBaseUrl;
    }

    /// <summary>
    /// Gets the effective limits.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>The limits.</returns>
    public IntegrationLimits GetLimits(string id)
    {
        var defaults = _registry.Get(id).Descriptor.DefaultLimits;
        var stored = Find(_store.Current, id);
        if (stored is null)
        {
            return defaults;
        }

        return new IntegrationLimits(
            InRange(stored.RequestsPerWindow, 1, SettingsBounds.MaxRequestsPerWindow) ?? defaults.RequestsPerWindow,
            InRange(stored.WindowSeconds, 1, SettingsBounds.MaxWindowSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.Window,
            InRange(stored.WritesPerSecond, 0, SettingsBounds.MaxWritesPerSecond) ?? defaults.WritesPerSecond,
            InRange(stored.DailyQuota, 0, SettingsBounds.MaxDailyQuota) ?? defaults.DailyQuota,
            InRange(stored.MaxConcurrency, 1, SettingsBounds.MaxConcurrency) ?? defaults.MaxConcurrency,
            InRange(stored.TimeoutSeconds, 1, SettingsBounds.MaxTimeoutSeconds) is { } timeout ? TimeSpan.FromSeconds(timeout) : defaults.Timeout);
    }

    /// <summary>
    /// Validates and saves an integration's settings as a whole, leaving every other setting as it was.
    /// </summary>
    /// <param name="settings">The new settings (null values mean "use the default").</param>
    /// <returns>Null when saved, or why the settings were refused (nothing is saved then).</returns>
    public string? Update(IntegrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Update(settings.Id, stored =>
        {
            stored.BaseUrl = settings.BaseUrl;
            stored.RequestsPerWindow = settings.RequestsPerWindow;
            stored.WindowSeconds = settings.WindowSeconds;
            stored.WritesPerSecond = settings.WritesPerSecond;
            stored.DailyQuota = settings.DailyQuota;
            stored.MaxConcurrency = settings.MaxConcurrency;
            stored.TimeoutSeconds = settings.TimeoutSeconds;
            stored.Options.Clear();
            foreach (var option in settings.Options)
            {
                stored.Options.Add(new IntegrationOption { Name = option.Name, Value = option.Value });
            }
        });
    }

    /// <summary>
    /// Changes some of an integration's settings: <paramref name="change"/> gets a copy of what is stored, the
    /// result is validated as a whole and saved. Read, change and save happen under one lock, so concurrent saves
    /// never undo each other.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="change">Changes the copy.</param>
    /// <returns>Null when saved, or why the settings were refused (nothing is saved then).</returns>
    public string? Update(string id, Action<IntegrationSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!_registry.TryGet(id, out var integration))
        {
            return $"Unknown integration '{id}'.";
        }

        return _store.Update(configuration =>
        {
            var existing = Find(configuration, integration.Descriptor.Id);
            var candidate = existing?.Clone() ?? new IntegrationSettings();
            change(candidate);
            candidate.Id = integration.Descriptor.Id;
            var problem = Validate(integration, candidate);
            if (problem is not null)
            {
                return problem;
            }

            if (existing is not null)
            {
                configuration.Integrations.Remove(existing);
            }

            configuration.Integrations.Add(candidate);
            return null;
        });
    }

    // Checks (and normalises the base URL of) a candidate before it is saved.
    private static string? Validate(IIntegration integration, IntegrationSettings settings)
    {
        if (settings.BaseUrl is not null)
        {
            if (!TryParseBaseUrl(settings.BaseUrl, out var url, out var error))
            {
                return error;
            }

            settings.BaseUrl = url!.AbsoluteUri;
        }

        foreach (var option in settings.Options)
        {
            var field = integration.Descriptor.OptionFields.FirstOrDefault(f => string.Equals(f.Name, option.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                return $"{integration.Descriptor.Name} has no option '{option.Name}'.";
            }

            // A blank value means "the default"; anything else must be one of the choices and fit the length.
            var text = option.Value?.Trim() ?? string.Empty;
            if (text.Length > 0 && field.Choices is { } choices && !choices.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return $"{integration.Descriptor.Name}: {field.Label} must be one of: {string.Join(", ", choices)}.";
            }

            if (field.MaxLength is { } max && text.Length > max)
            {
                return $"{integration.Descriptor.Name}: {field.Label} must be at most {max} characters.";
            }
        }

        return OutOfBounds(settings.RequestsPerWindow, 1, SettingsBounds.MaxRequestsPerWindow, "Requests per window must be between 1 and {1}.")
            ?? OutOfBounds(settings.WindowSeconds, 1, SettingsBounds.MaxWindowSeconds, "The window must be between 1 and {1} seconds.")
            ?? OutOfBounds(settings.WritesPerSecond, 0, SettingsBounds.MaxWritesPerSecond, "Writes per second must be between {0} (no write limit) and {1}.")
            ?? OutOfBounds(settings.DailyQuota, 0, SettingsBounds.MaxDailyQuota, "The daily quota must be between {0} (no daily quota) and {1}.")
            ?? OutOfBounds(settings.MaxConcurrency, 1, SettingsBounds.MaxConcurrency, "Requests at once must be between 1 and {1}.")
            ?? OutOfBounds(settings.TimeoutSeconds, 1, SettingsBounds.MaxTimeoutSeconds, "The timeout must be between 1 and {1} seconds.");
    }

    private static string? OutOfBounds(int? value, int min, int max, string message) =>
        value is { } v && (v < min || v > max)
            ? string.Format(CultureInfo.InvariantCulture, message, min.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture))
            : null;

    private static IntegrationSettings? Find(PluginConfiguration configuration, string id) =>
        configuration.Integrations.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    // A stored value outside its bounds (a hand-edited file) falls back to the default instead of breaking calls.
    private static int? InRange(int? value, int min, int max) => value is { } v && v >= min && v <= max ? value : null;

    /// <summary>
    /// Gets the effective option values: the stored value, or the option's default.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>Option values by name.</returns>
    public IReadOnlyDictionary<string, string> GetOptions(string id)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in _registry.Get(id).Descriptor.OptionFields)
        {
            if (field.DefaultValue is not null)
            {
                values[field.Name] = field.DefaultValue;
            }
        }

        foreach (var option in Find(_store.Current, id)?.Options ?? new Collection<IntegrationOption>())
        {
            if (!string.IsNullOrWhiteSpace(option.Value))
            {
                values[option.Name] = option.Value.Trim();
            }
        }

        return values;
    }
}
