using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// The user-data saves Aperture is making right now. Jellyfin raises <c>UserDataSaved</c> inside <c>SaveUserData</c>,
/// so the listener can tell Aperture's own write (a rating pulled from Trakt) from the user's and not echo it.
/// </summary>
public sealed class OwnRatingWrites
{
    private readonly ConcurrentDictionary<(Guid User, Guid Item), int> _active = new();

    /// <summary>Marks a save as Aperture's until the returned scope is disposed.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="itemId">The item.</param>
    /// <returns>The scope.</returns>
    public IDisposable Begin(Guid userId, Guid itemId)
    {
        var key = (userId, itemId);
        _active.AddOrUpdate(key, 1, (_, n) => n + 1);
        return new Scope(this, key);
    }

    /// <summary>Tells whether Aperture is saving this user's data for this item.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="itemId">The item.</param>
    /// <returns>True while Aperture's own save runs.</returns>
    public bool IsOwn(Guid userId, Guid itemId) => _active.ContainsKey((userId, itemId));

    private void End((Guid User, Guid Item) key)
    {
        if (_active.AddOrUpdate(key, 0, (_, n) => n - 1) <= 0)
        {
            _active.TryRemove(new(key, 0));
        }
    }

    private sealed class Scope : IDisposable
    {
        private readonly OwnRatingWrites _owner;
        private readonly (Guid User, Guid Item) _key;
        private int _done;

        public Scope(OwnRatingWrites owner, (Guid User, Guid Item) key)
        {
            _owner = owner;
            _key = key;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                _owner.End(_key);
            }
        }
    }
}
