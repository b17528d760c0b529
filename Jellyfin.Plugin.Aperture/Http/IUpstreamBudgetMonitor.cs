namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// Reads the pipeline's budgets for the status page.
/// </summary>
public interface IUpstreamBudgetMonitor
{
    /// <summary>
    /// Gets the current budget of a service.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The snapshot.</returns>
    BudgetSnapshot GetSnapshot(string service);
}
