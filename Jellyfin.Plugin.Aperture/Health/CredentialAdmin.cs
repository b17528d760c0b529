using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Saves and clears an integration's credentials on the admin's behalf, and resets its health when they change:
/// alerts about a replaced key no longer apply.
/// </summary>
public sealed class CredentialAdmin
{
    private readonly IntegrationRegistry _registry;
    private readonly CredentialStore _credentials;
    private readonly IntegrationHealth _health;
    private readonly ILogger<CredentialAdmin> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="CredentialAdmin"/> class.
    /// </summary>
    /// <param name="registry">The integrations.</param>
    /// <param name="credentials">The credential store.</param>
    /// <param name="health">The health recorder.</param>
    /// <param name="logger">The logger.</param>
    public CredentialAdmin(IntegrationRegistry registry, CredentialStore credentials, IntegrationHealth health, ILogger<CredentialAdmin> logger)
    {
        _registry = registry;
        _credentials = credentials;
        _health = health;
        _logger = logger;
    }

    /// <summary>
    /// Saves credential values; blank values keep what is stored.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="fields">The values by field name.</param>
    /// <returns>Null when saved, or why nothing was saved.</returns>
    public string? Save(string id, IReadOnlyDictionary<string, string>? fields)
    {
        var descriptor = _registry.Get(id).Descriptor;
        var (given, problem) = CredentialInput.ReadForSaving(descriptor, fields);
        if (problem is not null)
        {
            return problem;
        }

        if (given.Count == 0)
        {
            return "Enter a value to save.";
        }

        _credentials.Set(id, CredentialInput.Merge(_credentials.Get(id), given));
        _health.Reset(id, "credentials changed");
        _logger.LogInformation("Aperture: {Service} credentials saved", descriptor.Name);
        return null;
    }

    /// <summary>
    /// Clears an integration's credentials, which turns it off.
    /// </summary>
    /// <param name="id">The integration id.</param>
    public void Clear(string id)
    {
        var descriptor = _registry.Get(id).Descriptor;
        _credentials.Clear(id);
        _health.Reset(id, "credentials cleared");
        _logger.LogInformation(
            "Aperture: {Service} credentials cleared; unavailable until a key is saved: {Features}",
            descriptor.Name,
            string.Join(", ", descriptor.DependentFeatures));
    }
}
