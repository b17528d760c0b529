using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Aperture.Emulators;

/// <summary>A thread-safe set of accepted keys, tokens or client ids (ordinal comparison).</summary>
public sealed class KeySet : ICollection<string>, IReadOnlyCollection<string>
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <inheritdoc/>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    /// <inheritdoc/>
    public bool IsReadOnly => false;

    /// <inheritdoc/>
    public void Add(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            _keys.Add(item);
        }
    }

    /// <inheritdoc/>
    public void Clear()
    {
        lock (_gate)
        {
            _keys.Clear();
        }
    }

    /// <inheritdoc/>
    public bool Contains(string item)
    {
        if (item is null)
        {
            return false;
        }

        lock (_gate)
        {
            return _keys.Contains(item);
        }
    }

    /// <inheritdoc/>
    public void CopyTo(string[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _keys.CopyTo(array, arrayIndex);
        }
    }

    /// <inheritdoc/>
    public bool Remove(string item)
    {
        lock (_gate)
        {
            return _keys.Remove(item);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator()
    {
        string[] snapshot;
        lock (_gate)
        {
            snapshot = _keys.ToArray();
        }

        return ((IEnumerable<string>)snapshot).GetEnumerator();
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
