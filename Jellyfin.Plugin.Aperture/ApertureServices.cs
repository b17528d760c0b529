using System;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jellyfin.Plugin.Aperture;

/// <summary>
/// Registers Aperture's own services. Kept free of Jellyfin types so the dev host and tests wire the plugin
/// exactly as Jellyfin does; the Jellyfin adapters are added by <see cref="PluginServiceRegistrator"/>.
/// The host must also register <see cref="AperturePaths"/> and an <see cref="Configuration.IPluginConfigurationStore"/>.
/// </summary>
public static class ApertureServices
{
    /// <summary>
    /// Adds Aperture's services to a service collection.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);

        // Storage and secrets.
        services.AddSingleton<ApertureDatabase>();
        services.AddSingleton<CredentialCipher>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<CredentialStore>();

        // Integrations and their settings.
        services.AddSingleton<IntegrationRegistry>();
        services.AddSingleton<IntegrationSettingsService>();

        // Health, alerts and the admin actions behind the API.
        services.AddSingleton<HealthStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IntegrationHealth>();
        services.AddSingleton<IHealthRecorder>(sp => sp.GetRequiredService<IntegrationHealth>());
        services.AddSingleton<IntegrationStatusService>();
        services.AddSingleton<ConnectionTester>();
        services.AddSingleton<CredentialAdmin>();
        services.AddHostedService<OutageProbe>();

        // Metadata enrichment. The engine needs an ITmdbMetadataSource and the IRatingsSource implementations,
        // which the TMDb, MDBList and OMDb integration folders register.
        services.AddSingleton<EnrichmentStore>();
        services.AddSingleton<EnrichmentEngine>();
        services.AddSingleton<EnrichmentRunner>();
        services.AddSingleton<EnrichmentSettingsService>();
        return services;
    }
}
