using System;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Providers;
using MediaBrowser.Model.IO;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Queues, in Jellyfin's own refresh queue at low priority, an image-only refresh that fills an item's missing
/// images: no metadata is fetched and no image already set is replaced.
/// </summary>
public sealed class JellyfinImageRefreshRequester : IImageRefreshRequester
{
    private readonly IProviderManager _providerManager;
    private readonly IFileSystem _fileSystem;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinImageRefreshRequester"/> class.
    /// </summary>
    /// <param name="providerManager">Jellyfin's provider manager.</param>
    /// <param name="fileSystem">Jellyfin's file system (for the refresh's directory service).</param>
    public JellyfinImageRefreshRequester(IProviderManager providerManager, IFileSystem fileSystem)
    {
        _providerManager = providerManager;
        _fileSystem = fileSystem;
    }

    /// <summary>
    /// Builds the refresh options: metadata untouched, images in Default mode (only missing ones; providers that
    /// report a change run, which is how Aperture's provider is reached), nothing replaced.
    /// </summary>
    /// <param name="fileSystem">Jellyfin's file system.</param>
    /// <returns>The options.</returns>
    public static MetadataRefreshOptions MissingImagesOnly(IFileSystem fileSystem) => new(new DirectoryService(fileSystem))
    {
        MetadataRefreshMode = MetadataRefreshMode.None,
        ImageRefreshMode = MetadataRefreshMode.Default,
        ReplaceAllImages = false,
        ReplaceAllMetadata = false,
    };

    /// <inheritdoc />
    public void QueueMissingImages(Guid itemId) =>
        _providerManager.QueueRefresh(itemId, MissingImagesOnly(_fileSystem), RefreshPriority.Low);
}
