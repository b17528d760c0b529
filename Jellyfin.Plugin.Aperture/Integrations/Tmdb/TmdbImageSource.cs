using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// TMDb posters, backdrops and logos through the admin's key: one details request with <c>images</c> appended and
/// <c>include_image_language={lang},null</c> (without it TMDb drops the text-free backdrops). The image base URL
/// comes from <c>configuration</c>, read once and kept for a few days as TMDb recommends.
/// </summary>
public sealed class TmdbImageSource : ITmdbImageSource
{
    private static readonly TimeSpan _configurationLifetime = TimeSpan.FromDays(3);
    private static readonly (string List, RemoteImageKind Kind, int ThumbnailWidth)[] _lists =
    {
        ("posters", RemoteImageKind.Poster, 300),
        ("backdrops", RemoteImageKind.Backdrop, 780),
        ("logos", RemoteImageKind.Logo, 300),
    };

    private readonly TmdbClient _client;
    private readonly TimeProvider _time;
    private readonly Lock _cacheLock = new();
    private (Uri BaseUrl, TmdbImageConfiguration Value, DateTimeOffset ReadAt)? _configuration;

    /// <summary>
    /// Initializes a new instance of the <see cref="TmdbImageSource"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="targets">Resolves the saved key and base URL.</param>
    /// <param name="time">The clock, for the configuration cache.</param>
    public TmdbImageSource(IUpstreamPipeline pipeline, StoredTargets targets, TimeProvider time)
    {
        _client = new TmdbClient(pipeline, targets);
        _time = time;
    }

    /// <inheritdoc />
    public async Task<SourceResult<IReadOnlyList<ArtworkImage>>> GetImagesAsync(LibraryItem item, string language, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_client.Connect() is not { } connection)
        {
            return SourceCall.NotConfigured<IReadOnlyList<ArtworkImage>>("TMDb");
        }

        var lang = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim()[..Math.Min(2, language.Trim().Length)].ToLowerInvariant();
        var configuration = await GetConfigurationAsync(connection, priority, cancellationToken).ConfigureAwait(false);
        if (configuration.Failure is { } configurationFailure)
        {
            return configurationFailure;
        }

        var lookup = await _client.ResolveIdAsync(connection, item, priority, cancellationToken).ConfigureAwait(false);
        if (lookup.Failure is { } failed)
        {
            return SourceResults.From<IReadOnlyList<ArtworkImage>>(failed);
        }

        if (lookup.TmdbId is not { } id)
        {
            return SourceCall.NoUsableId<IReadOnlyList<ArtworkImage>>("TMDb has no title with this IMDb or TVDB id.");
        }

        var path = $"{TmdbPaths.Details(item.Kind)}/{Uri.EscapeDataString(id)}?append_to_response=images&include_image_language={Uri.EscapeDataString(lang)},null";
        var response = await _client.GetAsync(connection, path, priority, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return SourceResults.From<IReadOnlyList<ArtworkImage>>(response);
        }

        if (JsonBody.TryParseObject(response.Body)?.GetObject("images") is not { } images)
        {
            return SourceCall.Unreadable<IReadOnlyList<ArtworkImage>>("TMDb", "an image list");
        }

        return SourceResults.Found<IReadOnlyList<ArtworkImage>>(Read(images, lang, configuration.Value!));
    }

    private static List<ArtworkImage> Read(JsonElement images, string language, TmdbImageConfiguration configuration)
    {
        var result = new List<ArtworkImage>();
        foreach (var (list, kind, thumbnailWidth) in _lists)
        {
            var ordered = images.GetObjects(list)
                .Select(e => (Path: e.GetText("file_path"), Language: NullIfEmpty(e.GetText("iso_639_1")), Element: e))
                .Where(e => !string.IsNullOrWhiteSpace(e.Path))
                // The preferred language first, then images without text, then anything else TMDb sent.
                .OrderBy(e => string.Equals(e.Language, language, StringComparison.OrdinalIgnoreCase) ? 0 : e.Language is null ? 1 : 2)
                .ThenByDescending(e => e.Element.GetDouble("vote_average") ?? 0)
                .ThenByDescending(e => e.Element.GetInt64("vote_count") ?? 0);
            result.AddRange(ordered.Select(e => new ArtworkImage(
                kind,
                configuration.Original(e.Path!),
                configuration.Thumbnail(kind, thumbnailWidth, e.Path!),
                e.Language,
                (int)(e.Element.GetInt64("width") ?? 0),
                (int)(e.Element.GetInt64("height") ?? 0),
                e.Element.GetDouble("vote_average") ?? 0,
                (int)(e.Element.GetInt64("vote_count") ?? 0))));
        }

        return result;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private async Task<(TmdbImageConfiguration? Value, SourceResult<IReadOnlyList<ArtworkImage>>? Failure)> GetConfigurationAsync(
        TmdbConnection connection,
        RequestPriority priority,
        CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_cacheLock)
        {
            if (_configuration is { } cached && cached.BaseUrl == connection.Target.BaseUrl && now - cached.ReadAt < _configurationLifetime)
            {
                return (cached.Value, null);
            }
        }

        var response = await _client.GetAsync(connection, "configuration", priority, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return (null, SourceResults.From<IReadOnlyList<ArtworkImage>>(response));
        }

        if (TmdbImageConfiguration.Read(response.Body) is not { } configuration)
        {
            return (null, SourceCall.Unreadable<IReadOnlyList<ArtworkImage>>("TMDb", "an image configuration"));
        }

        lock (_cacheLock)
        {
            _configuration = (connection.Target.BaseUrl, configuration, now);
        }

        return (configuration, null);
    }
}
