using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.Configuration;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>
/// Body of PUT /Aperture/Integrations/{id}/Settings. Only the fields that are sent change: an omitted field keeps
/// its saved value, a field sent as null goes back to its default. Options are merged by name; an option sent as
/// an empty text goes back to its default.
/// </summary>
/// <remarks>
/// The JSON binder calls a property's setter only for fields present in the body (null included), which is how
/// "omitted" and "null" are told apart.
/// </remarks>
public sealed class SettingsRequest
{
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);
    private string? _baseUrl;
    private int? _requestsPerWindow;
    private int? _windowSeconds;
    private int? _writesPerSecond;
    private int? _dailyQuota;
    private int? _maxConcurrency;
    private int? _timeoutSeconds;

    /// <summary>Gets or sets the base URL (http or https); empty means the default.</summary>
    public string? BaseUrl { get => _baseUrl; set => Set(ref _baseUrl, value); }

    /// <summary>Gets or sets the requests allowed per window.</summary>
    public int? RequestsPerWindow { get => _requestsPerWindow; set => Set(ref _requestsPerWindow, value); }

    /// <summary>Gets or sets the window length in seconds.</summary>
    public int? WindowSeconds { get => _windowSeconds; set => Set(ref _windowSeconds, value); }

    /// <summary>Gets or sets the writes allowed per second.</summary>
    public int? WritesPerSecond { get => _writesPerSecond; set => Set(ref _writesPerSecond, value); }

    /// <summary>Gets or sets the daily quota (0: none).</summary>
    public int? DailyQuota { get => _dailyQuota; set => Set(ref _dailyQuota, value); }

    /// <summary>Gets or sets the maximum requests in flight.</summary>
    public int? MaxConcurrency { get => _maxConcurrency; set => Set(ref _maxConcurrency, value); }

    /// <summary>Gets or sets the per-attempt timeout in seconds.</summary>
    public int? TimeoutSeconds { get => _timeoutSeconds; set => Set(ref _timeoutSeconds, value); }

    /// <summary>Gets service-specific options by name.</summary>
    public Dictionary<string, string>? Options { get; init; }

    /// <summary>
    /// Gets credential values to save with these settings, by field name. A new base URL needs them: a saved key is
    /// only ever sent to the address it was saved for.
    /// </summary>
    public Dictionary<string, string>? Fields { get; init; }

    /// <summary>
    /// Writes the sent fields onto a copy of the stored settings.
    /// </summary>
    /// <param name="settings">The stored settings' copy.</param>
    public void ApplyTo(IntegrationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Sent(nameof(BaseUrl)))
        {
            settings.BaseUrl = string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl;
        }

        settings.RequestsPerWindow = Sent(nameof(RequestsPerWindow)) ? RequestsPerWindow : settings.RequestsPerWindow;
        settings.WindowSeconds = Sent(nameof(WindowSeconds)) ? WindowSeconds : settings.WindowSeconds;
        settings.WritesPerSecond = Sent(nameof(WritesPerSecond)) ? WritesPerSecond : settings.WritesPerSecond;
        settings.DailyQuota = Sent(nameof(DailyQuota)) ? DailyQuota : settings.DailyQuota;
        settings.MaxConcurrency = Sent(nameof(MaxConcurrency)) ? MaxConcurrency : settings.MaxConcurrency;
        settings.TimeoutSeconds = Sent(nameof(TimeoutSeconds)) ? TimeoutSeconds : settings.TimeoutSeconds;
        foreach (var (name, value) in Options ?? new Dictionary<string, string>())
        {
            foreach (var old in settings.Options.Where(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                settings.Options.Remove(old);
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                settings.Options.Add(new IntegrationOption { Name = name, Value = value });
            }
        }
    }

    private bool Sent(string name) => _sent.Contains(name);

    private void Set<T>(ref T field, T value, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        field = value;
        _sent.Add(name);
    }
}
