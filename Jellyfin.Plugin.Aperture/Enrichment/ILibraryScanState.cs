namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>Tells whether Jellyfin is scanning a library right now.</summary>
public interface ILibraryScanState
{
    /// <summary>Gets a value indicating whether a library scan is running.</summary>
    bool IsScanRunning { get; }
}
