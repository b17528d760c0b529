using Jellyfin.Plugin.Aperture.Secrets;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// Resolves the saved endpoint and credentials of an integration for background clients (the enrichment
/// sources). Read on every call, so a rotated key or a changed base URL applies to the next request.
/// </summary>
public sealed class StoredTargets
{
    private readonly CredentialStore _credentials;
    private readonly IntegrationSettingsService _settings;

    /// <summary>
    /// Initializes a new instance of the <see cref="StoredTargets"/> class.
    /// </summary>
    /// <param name="credentials">The credential store.</param>
    /// <param name="settings">The integration settings.</param>
    public StoredTargets(CredentialStore credentials, IntegrationSettingsService settings)
    {
        _credentials = credentials;
        _settings = settings;
    }

    /// <summary>
    /// Gets the saved target of an integration, with one required credential field.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="field">The credential field that must be set, e.g. "apiKey".</param>
    /// <param name="secret">The value of that field.</param>
    /// <returns>The target, or null when the field or the base URL is missing.</returns>
    public IntegrationTarget? Get(string service, string field, out string secret)
    {
        secret = string.Empty;
        var baseUrl = _settings.GetBaseUrl(service);
        var credentials = _credentials.Get(service);
        if (baseUrl is null || credentials?.Get(field) is not { Length: > 0 } value)
        {
            return null;
        }

        secret = value;
        return new IntegrationTarget(baseUrl, credentials, false, _settings.GetOptions(service));
    }
}
