namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>A read from Trakt: the value, or why there is none.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value when the call succeeded.</param>
/// <param name="Error">Why it failed (admin-readable, no secrets), or null.</param>
public sealed record TraktAnswer<T>(T? Value, string? Error)
{
    /// <summary>Gets a value indicating whether the call succeeded.</summary>
    public bool Ok => Error is null;
}
