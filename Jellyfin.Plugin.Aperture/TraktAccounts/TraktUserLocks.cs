using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// One lock per Jellyfin user around everything that spends or replaces their Trakt tokens. Trakt's refresh tokens
/// are single-use: two refreshes at once would send the same token twice and the second would log the user out.
/// </summary>
public sealed class TraktUserLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    /// <summary>
    /// Waits for a user's lock.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A handle that releases the lock when disposed.</returns>
    public async Task<IDisposable> AcquireAsync(Guid userId, CancellationToken cancellationToken)
    {
        // One semaphore per user for the life of the process: a few bytes per user who ever used Trakt.
        var gate = _locks.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
