using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>A budget monitor that reports an idle budget, for tests that do not run the real pipeline.</summary>
public sealed class FixedBudgetMonitor : IUpstreamBudgetMonitor
{
    public BudgetSnapshot GetSnapshot(string service) =>
        new(service, 0, 10, System.TimeSpan.FromSeconds(1), 0, 0, 0, null, 0, 1, null, null, CircuitStatus.Closed, 0, 0, 0, 0);
}
