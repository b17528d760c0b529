using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Library;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>Reads whether Jellyfin is scanning a library from its library manager.</summary>
public sealed class JellyfinLibraryScanState : ILibraryScanState
{
    private readonly ILibraryManager _libraryManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinLibraryScanState"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    public JellyfinLibraryScanState(ILibraryManager libraryManager)
    {
        _libraryManager = libraryManager;
    }

    /// <inheritdoc />
    public bool IsScanRunning => _libraryManager.IsScanRunning;
}
