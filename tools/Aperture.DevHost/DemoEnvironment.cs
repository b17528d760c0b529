using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.DevHost;

/// <summary>
/// Demo mode: the six loopback emulators, every integration's base URL pointed at them through the plugin's own
/// settings, and the fake keys they accept, so a newcomer sees every state without a real key.
/// </summary>
public sealed class DemoEnvironment : IAsyncDisposable
{
    private readonly Dictionary<string, ServiceEmulator> _byService;

    private DemoEnvironment(EmulatorSet emulators)
    {
        Emulators = emulators;
        _byService = new Dictionary<string, ServiceEmulator>(StringComparer.OrdinalIgnoreCase)
        {
            ["tmdb"] = emulators.Tmdb,
            ["omdb"] = emulators.Omdb,
            ["trakt"] = emulators.Trakt,
            ["mdblist"] = emulators.MdbList,
            ["seerr"] = emulators.Seerr,
            ["ai"] = emulators.Ai,
        };
    }

    /// <summary>Gets the running emulators.</summary>
    public EmulatorSet Emulators { get; }

    /// <summary>
    /// Starts the emulators and points the plugin's integrations at them.
    /// </summary>
    /// <param name="services">The dev host's services.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The demo environment.</returns>
    public static async Task<DemoEnvironment> StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var demo = new DemoEnvironment(await EmulatorSet.StartAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            var registry = services.GetRequiredService<IntegrationRegistry>();
            var settings = services.GetRequiredService<IntegrationSettingsService>();
            foreach (var integration in registry.All)
            {
                if (demo.Find(integration.Descriptor.Id) is not { } emulator)
                {
                    continue;
                }

                var stored = settings.GetStored(integration.Descriptor.Id);
                stored.BaseUrl = emulator.BaseUrl.AbsoluteUri;
                var problem = settings.Update(stored);
                if (problem is not null)
                {
                    throw new InvalidOperationException("Demo mode could not point " + integration.Descriptor.Name + " at its emulator: " + problem);
                }
            }
        }
        catch
        {
            await demo.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return demo;
    }

    /// <summary>Gets the emulator of an integration id, or null.</summary>
    /// <param name="service">The integration id (tmdb, omdb, trakt, mdblist, seerr, ai).</param>
    /// <returns>The emulator.</returns>
    public ServiceEmulator? Find(string service) => _byService.GetValueOrDefault(service);

    /// <summary>Switches an emulator's fault mode.</summary>
    /// <param name="service">The integration id.</param>
    /// <param name="mode">A <see cref="FaultMode"/> name.</param>
    /// <returns>Null when switched, or why not.</returns>
    public string? SetMode(string service, string mode)
    {
        if (Find(service) is not { } emulator)
        {
            return "No emulator for '" + service + "'. Known: " + string.Join(", ", _byService.Keys) + ".";
        }

        if (!Enum.TryParse<FaultMode>(mode, ignoreCase: true, out var fault) || !Enum.IsDefined(fault))
        {
            return "Unknown fault mode '" + mode + "'. Known: " + string.Join(", ", Enum.GetNames<FaultMode>()) + ".";
        }

        emulator.Mode = fault;
        return null;
    }

    /// <summary>Describes the emulators and the demo keys they accept (fake keys, fine to show).</summary>
    /// <returns>One line per emulator.</returns>
    public IReadOnlyList<EmulatorDescription> Describe() =>
        _byService.Select(p => new EmulatorDescription(
            p.Key,
            p.Value.BaseUrl.AbsoluteUri,
            p.Value.Mode.ToString(),
            p.Value.ValidKey,
            (p.Value as TraktEmulator)?.ClientSecret)).ToList();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Emulators.DisposeAsync();
}
