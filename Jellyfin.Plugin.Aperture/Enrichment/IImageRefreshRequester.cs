using System;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>Asks Jellyfin to fill an item's missing images, in the background.</summary>
public interface IImageRefreshRequester
{
    /// <summary>
    /// Queues an image refresh that fills only the images the item lacks: images already set (by the admin or an
    /// earlier refresh) are never replaced.
    /// </summary>
    /// <param name="itemId">The Jellyfin item id.</param>
    void QueueMissingImages(Guid itemId);
}
