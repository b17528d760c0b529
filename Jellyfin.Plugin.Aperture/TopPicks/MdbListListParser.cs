using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// Reads MDBList's list answers. MDBList's shapes drift (the original app broke on it): a page of items may be a bare
/// array, <c>{items:[]}</c> or <c>{movies:[], shows:[]}</c>, and ids may be top-level (<c>id</c> = TMDb,
/// <c>imdb_id</c>, <c>tvdb_id</c>) or nested in <c>ids</c>. Anything else is "unreadable", never "empty".
/// </summary>
internal static class MdbListListParser
{
    /// <summary>
    /// Reads one page of list items, in the answer's order.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The entries as (kind, title, year, imdb, tmdb, tvdb), or null when the page is not a list page.</returns>
    public static List<(string? Kind, string Title, int? Year, string? Imdb, long? Tmdb, long? Tvdb)>? ReadPage(string body)
    {
        using var document = JsonBody.TryParse(body);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var entries = new List<(string?, string, int?, string?, long?, long?)>();
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                return ReadEntries(root, null, entries) ? entries : null;
            case JsonValueKind.Object when root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array:
                return ReadEntries(items, null, entries) ? entries : null;
            case JsonValueKind.Object when Has(root, "movies") || Has(root, "shows"):
                var movies = root.TryGetProperty("movies", out var m) ? m : default;
                var shows = root.TryGetProperty("shows", out var s) ? s : default;
                var ok = (movies.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || ReadEntries(movies, "movie", entries))
                    && (shows.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || ReadEntries(shows, "show", entries));
                return ok ? entries : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Reads an answer that lists lists (a bare array, or one list record).
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The lists, or null when the answer is not lists.</returns>
    public static List<MdbListList>? ReadLists(string body)
    {
        using var document = JsonBody.TryParse(body);
        var root = document?.RootElement;
        var lists = new List<MdbListList>();
        if (root is { ValueKind: JsonValueKind.Object } single)
        {
            var list = ReadList(single.GetObject("list") ?? single);
            return list is null ? null : [list];
        }

        if (root is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        foreach (var element in array.EnumerateArray())
        {
            if (ReadList(element) is { } list)
            {
                lists.Add(list);
            }
        }

        return lists;
    }

    private static MdbListList? ReadList(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || element.GetInt64("id") is not { } id || id <= 0 || element.GetText("name") is not { Length: > 0 } name)
        {
            return null;
        }

        var mediaType = element.GetText("mediatype") switch
        {
            "movie" => "movie",
            "show" => "show",
            _ => null,
        };
        return new MdbListList(
            id.ToString(CultureInfo.InvariantCulture),
            name,
            element.GetText("user_name") ?? element.GetText("username"),
            element.GetText("slug"),
            element.GetInt64("items") is { } items and >= 0 and <= int.MaxValue ? (int)items : null,
            mediaType,
            element.GetInt64("likes") is { } likes and >= 0 and <= int.MaxValue ? (int)likes : null);
    }

    private static bool Has(JsonElement root, string name) => root.TryGetProperty(name, out _);

    private static bool ReadEntries(JsonElement array, string? kind, List<(string? Kind, string Title, int? Year, string? Imdb, long? Tmdb, long? Tvdb)> into)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var ids = item.GetObject("ids");
            var imdb = ids?.GetText("imdb") ?? item.GetText("imdb_id") ?? item.GetText("imdbid");
            var tmdb = Number(ids?.GetText("tmdb") ?? item.GetText("tmdb_id") ?? item.GetText("tmdbid") ?? item.GetText("id"));
            var tvdb = Number(ids?.GetText("tvdb") ?? item.GetText("tvdb_id") ?? item.GetText("tvdbid"));
            var title = item.GetText("title");
            if (title is null && imdb is null && tmdb is null && tvdb is null)
            {
                // Neither a name nor an id: not a list entry, so the format changed.
                return false;
            }

            var year = item.GetInt64("release_year") ?? item.GetInt64("year");
            var itemKind = kind ?? item.GetText("mediatype") ?? item.GetText("type");
            into.Add((itemKind, title ?? imdb ?? string.Empty, year is > 0 and < 10000 ? (int)year : null, string.IsNullOrWhiteSpace(imdb) ? null : imdb.Trim(), tmdb, tvdb));
        }

        return true;
    }

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
