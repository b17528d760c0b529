using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Receives the outcome of every upstream call and connection test; keeps each integration's status and alerts.
/// </summary>
public interface IHealthRecorder
{
    /// <summary>
    /// Marks an integration as being tested (shown as "Testing").
    /// </summary>
    /// <param name="service">The integration id.</param>
    void TestStarted(string service);

    /// <summary>
    /// Records the final outcome of a call (after retries), opening or clearing alerts.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="response">The classified response.</param>
    /// <param name="isConnectionTest">Whether the call was a connection test.</param>
    /// <param name="isCandidate">Whether it used candidate credentials that are not saved (does not change alerts).</param>
    /// <param name="scope">Who the call was made for (a Trakt user id), or null for the service as a whole.</param>
    /// <param name="isWrite">Whether the call was a write (a scope's successful write clears its account-limit alert).</param>
    void Record(string service, UpstreamResponse response, bool isConnectionTest, bool isCandidate, string? scope = null, bool isWrite = false);
}
