using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
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
    private readonly object _saveLock = new();

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
        return stored is null ? new IntegrationSettings { Id = id } : Copy(stored);
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
            Positive(stored.RequestsPerWindow) ?? defaults.RequestsPerWindow,
            Positive(stored.WindowSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.Window,
            NonNegative(stored.WritesPerSecond) ?? defaults.WritesPerSecond,
            NonNegative(stored.DailyQuota) ?? defaults.DailyQuota,
            Positive(stored.MaxConcurrency) ?? defaults.MaxConcurrency,
            Positive(stored.TimeoutSeconds) is { } timeout ? TimeSpan.FromSeconds(timeout) : defaults.Timeout);
    }

    /// <summary>
    /// Validates and saves an integration's settings, leaving every other setting as it was.
    /// </summary>
    /// <param name="settings">The new settings.</param>
    /// <returns>Null when saved, or why the settings were refused (nothing is saved then).</returns>
    public string? Update(IntegrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!_registry.TryGet(settings.Id, out var integration))
        {
            return $"Unknown integration '{settings.Id}'.";
        }

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
            if (!integration.Descriptor.OptionFields.Any(f => string.Equals(f.Name, option.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return $"{integration.Descriptor.Name} has no option '{option.Name}'.";
            }
        }

        if (settings.RequestsPerWindow is <= 0 || settings.WindowSeconds is <= 0 || settings.MaxConcurrency is <= 0
            || settings.TimeoutSeconds is <= 0 || settings.DailyQuota is < 0 || settings.WritesPerSecond is < 0)
        {
            return "Limits must be positive numbers (a daily quota or write limit of 0 means none).";
        }

        lock (_saveLock)
        {
            var configuration = _store.Current;
            var existing = Find(configuration, integration.Descriptor.Id);
            if (existing is not null)
            {
                configuration.Integrations.Remove(existing);
            }

            var saved = Copy(settings);
            saved.Id = integration.Descriptor.Id;
            configuration.Integrations.Add(saved);
            _store.Save(configuration);
        }

        return null;
    }

    private static IntegrationSettings? Find(PluginConfiguration configuration, string id) =>
        configuration.Integrations.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    private static int? Positive(int? value) => value is > 0 ? value : null;

    private static int? NonNegative(int? value) => value is >= 0 ? value : null;

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

    private static IntegrationSettings Copy(IntegrationSettings s)
    {
        var copy = new IntegrationSettings
        {
            Id = s.Id,
            BaseUrl = s.BaseUrl,
            RequestsPerWindow = s.RequestsPerWindow,
            WindowSeconds = s.WindowSeconds,
            WritesPerSecond = s.WritesPerSecond,
            DailyQuota = s.DailyQuota,
            MaxConcurrency = s.MaxConcurrency,
            TimeoutSeconds = s.TimeoutSeconds,
        };
        foreach (var option in s.Options)
        {
            copy.Options.Add(new IntegrationOption { Name = option.Name, Value = option.Value });
        }

        return copy;
    }
}
