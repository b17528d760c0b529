namespace MediaBrowser.Common.Api;

/// <summary>Declaration of Jellyfin's authorization policy names (constants are inlined into callers).</summary>
public static class Policies
{
    public const string RequiresElevation = "RequiresElevation";
}
