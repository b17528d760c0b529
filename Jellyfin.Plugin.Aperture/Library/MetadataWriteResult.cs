using System.Collections.Generic;
using MediaBrowser.Controller.Library;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// What <see cref="ItemMetadataWriter"/> changed on an item.
/// </summary>
/// <param name="UpdateType">What to tell Jellyfin: <see cref="ItemUpdateType.None"/> when nothing changed.</param>
/// <param name="Changes">The changed fields, for the debug log.</param>
public sealed record MetadataWriteResult(ItemUpdateType UpdateType, IReadOnlyList<string> Changes)
{
    /// <summary>Gets a value indicating whether anything changed.</summary>
    public bool Changed => Changes.Count > 0;
}
