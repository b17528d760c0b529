namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>Reads each service's current budget for the status dashboard.</summary>
public interface IUpstreamBudgetMonitor
{
    /// <summary>
    /// Gets a service's budget right now.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The snapshot.</returns>
    BudgetSnapshot GetSnapshot(string service);
}
