using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Saves an integration's settings on the admin's behalf while keeping its saved key with the address it was saved
/// for: a new base URL needs the key again (the saved one is never sent there), and a service at a new address
/// starts as "not tested", because nothing it showed before was about that address.
/// </summary>
public sealed class IntegrationSettingsAdmin
{
    private readonly IntegrationRegistry _registry;
    private readonly IntegrationSettingsService _settings;
    private readonly CredentialStore _credentials;
    private readonly IntegrationHealth _health;
    private readonly ILogger<IntegrationSettingsAdmin> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationSettingsAdmin"/> class.
    /// </summary>
    /// <param name="registry">The integrations.</param>
    /// <param name="settings">The settings service, which validates and saves.</param>
    /// <param name="credentials">The credential store.</param>
    /// <param name="health">The health recorder.</param>
    /// <param name="logger">The logger.</param>
    public IntegrationSettingsAdmin(IntegrationRegistry registry, IntegrationSettingsService settings, CredentialStore credentials, IntegrationHealth health, ILogger<IntegrationSettingsAdmin> logger)
    {
        _registry = registry;
        _settings = settings;
        _credentials = credentials;
        _health = health;
        _logger = logger;
    }

    /// <summary>
    /// Changes an integration's settings, and saves the credential values typed with them.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="change">Changes a copy of the stored settings (only the fields the admin sent).</param>
    /// <param name="fields">Typed credential values by field name, or null. When the base URL moves while a key is
    /// saved, every required field must be typed again: they replace the saved credentials entirely.</param>
    /// <returns>Null when saved, or why nothing was saved.</returns>
    public string? Save(string id, Action<IntegrationSettings> change, IReadOnlyDictionary<string, string>? fields)
    {
        ArgumentNullException.ThrowIfNull(change);
        var descriptor = _registry.Get(id).Descriptor;
        var (typed, problem) = CredentialInput.ReadForSaving(descriptor, fields);
        if (problem is not null)
        {
            return problem;
        }

        id = descriptor.Id;
        var preview = _settings.GetStored(id);
        change(preview);
        var moved = Moves(descriptor, preview.BaseUrl);
        if (moved && _credentials.GetState(id).Status != CredentialStatus.NotSet)
        {
            var missing = CredentialInput.Missing(descriptor, new IntegrationCredentials(typed));
            if (missing.Count > 0)
            {
                return $"Changing the {descriptor.Name} base URL needs the {string.Join(" and ", missing.Select(f => f.Label))} again: "
                    + "a saved key is only sent to the address it was saved for. Type it, then Save (or clear the saved key first).";
            }
        }

        problem = _settings.Update(id, change);
        if (problem is not null)
        {
            return problem;
        }

        if (typed.Count > 0)
        {
            _credentials.Set(id, CredentialInput.Merge(moved ? null : _credentials.Get(id), typed));
        }

        if (moved || typed.Count > 0)
        {
            _health.Reset(id, moved ? "base URL changed" : "credentials changed");
            _logger.LogInformation("Aperture: {Service} {Change}", descriptor.Name, moved ? "moved to a new base URL; not tested yet" : "credentials saved");
        }

        return null;
    }

    // An invalid URL is not a move: the settings service refuses it with its own message.
    private bool Moves(IntegrationDescriptor descriptor, string? baseUrl)
    {
        Uri? next = descriptor.DefaultBaseUrl;
        if (baseUrl is not null && !IntegrationSettingsService.TryParseBaseUrl(baseUrl, out next, out _))
        {
            return false;
        }

        return !KeyAddress.IsSame(_settings.GetBaseUrl(descriptor.Id), next);
    }
}
