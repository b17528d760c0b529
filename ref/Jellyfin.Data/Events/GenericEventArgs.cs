using System;

namespace Jellyfin.Data.Events;

/// <summary>Declaration of Jellyfin's GenericEventArgs&lt;T&gt;.</summary>
/// <typeparam name="T">The argument type.</typeparam>
public class GenericEventArgs<T> : EventArgs
{
    public GenericEventArgs(T arg)
    {
        Argument = arg;
    }

    public T Argument { get; }
}
