using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>A budget monitor that reports an idle budget, for tests that do not run the real pipeline.</summary>
public sealed class FixedBudgetMonitor : IUpstreamBudgetMonitor
{
    public BudgetSnapshot GetSnapshot(string service) => new(0, 10, null, null, null, 0);
}
