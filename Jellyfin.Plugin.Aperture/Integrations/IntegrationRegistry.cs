using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// Every registered integration, in the recommended setup order.
/// </summary>
public sealed class IntegrationRegistry
{
    private readonly Dictionary<string, IIntegration> _byId;

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationRegistry"/> class.
    /// </summary>
    /// <param name="integrations">The registered integrations.</param>
    public IntegrationRegistry(IEnumerable<IIntegration> integrations)
    {
        All = integrations.OrderBy(i => i.Descriptor.SetupOrder).ToArray();
        _byId = All.ToDictionary(i => i.Descriptor.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the integrations in setup order.</summary>
    public IReadOnlyList<IIntegration> All { get; }

    /// <summary>
    /// Finds an integration by id.
    /// </summary>
    /// <param name="id">The id (case-insensitive).</param>
    /// <param name="integration">The integration, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IIntegration? integration) =>
        _byId.TryGetValue(id, out integration);

    /// <summary>
    /// Gets an integration by id.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <returns>The integration.</returns>
    /// <exception cref="KeyNotFoundException">No integration has that id.</exception>
    public IIntegration Get(string id) =>
        TryGet(id, out var integration) ? integration : throw new KeyNotFoundException($"Unknown integration '{id}'.");
}
