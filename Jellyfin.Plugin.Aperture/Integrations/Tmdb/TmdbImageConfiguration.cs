using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// TMDb's image base URL and the sizes it serves, from <c>GET configuration</c>. TMDb serves only listed sizes,
/// so a thumbnail asks for the nearest listed one rather than a fixed width.
/// </summary>
internal sealed class TmdbImageConfiguration
{
    private readonly Uri _base;
    private readonly Dictionary<RemoteImageKind, List<int>> _widths;

    private TmdbImageConfiguration(Uri imageBase, Dictionary<RemoteImageKind, List<int>> widths)
    {
        _base = imageBase;
        _widths = widths;
    }

    /// <summary>
    /// Reads a configuration answer.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The configuration, or null when the body has no image base URL.</returns>
    public static TmdbImageConfiguration? Read(string body)
    {
        var images = JsonBody.TryParseObject(body)?.GetObject("images");
        var text = images?.GetText("secure_base_url") ?? images?.GetText("base_url");
        if (images is not { } i || !Uri.TryCreate(text, UriKind.Absolute, out var imageBase))
        {
            return null;
        }

        return new TmdbImageConfiguration(imageBase, new Dictionary<RemoteImageKind, List<int>>
        {
            [RemoteImageKind.Poster] = Widths(i, "poster_sizes"),
            [RemoteImageKind.Backdrop] = Widths(i, "backdrop_sizes"),
            [RemoteImageKind.Logo] = Widths(i, "logo_sizes"),
        });
    }

    /// <summary>
    /// Builds the full-size URL of an image.
    /// </summary>
    /// <param name="filePath">TMDb's file path, starting with "/".</param>
    /// <returns>The URL.</returns>
    public string Original(string filePath) => Url("original", filePath);

    /// <summary>
    /// Builds a thumbnail URL: the smallest listed width at least as wide as wanted, else the widest listed.
    /// </summary>
    /// <param name="kind">The image kind.</param>
    /// <param name="wanted">The wanted width in pixels.</param>
    /// <param name="filePath">TMDb's file path.</param>
    /// <returns>The URL.</returns>
    public string Thumbnail(RemoteImageKind kind, int wanted, string filePath)
    {
        var widths = _widths[kind];
        if (widths.Count == 0)
        {
            return Original(filePath);
        }

        var width = widths.Where(w => w >= wanted).DefaultIfEmpty(widths[^1]).Min();
        return Url("w" + width.ToString(CultureInfo.InvariantCulture), filePath);
    }

    private static List<int> Widths(JsonElement images, string name) =>
        images.TryGetProperty(name, out var sizes) && sizes.ValueKind == JsonValueKind.Array
            ? sizes.EnumerateArray()
                .Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : null)
                .Where(s => s is { Length: > 1 } && s[0] == 'w')
                .Select(s => int.TryParse(s![1..], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0)
                .Where(w => w > 0)
                .Order()
                .ToList()
            : new List<int>();

    private string Url(string size, string filePath)
    {
        var prefix = _base.AbsoluteUri.EndsWith('/') ? _base.AbsoluteUri : _base.AbsoluteUri + "/";
        return prefix + size + "/" + filePath.TrimStart('/');
    }
}
