using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// MDBList's lists: <c>GET /lists/user</c> (the account's own), <c>/lists/top?mediatype=</c> (by likes),
/// <c>/lists/search?query=&amp;mediatype=</c>, <c>/lists/{id}</c> and <c>/lists/{user}/{slug}</c> (an array of one),
/// and <c>/lists/{id}/items?limit&amp;offset&amp;sort&amp;order&amp;filter_genre</c> answering
/// <c>{movies:[], shows:[]}</c> with <c>X-Has-More</c> and <c>X-Total-Items</c>; a limit above
/// <see cref="MaxListPageSize"/> is a 400. Lists are stateful: a test changes one and the next read sees it.
/// </summary>
public sealed partial class MdbListEmulator
{
    /// <summary>The largest page of list items MDBList serves.</summary>
    public const int MaxListPageSize = 1000;

    /// <summary>The page size when a request names none.</summary>
    public const int DefaultListPageSize = 100;

    private readonly object _listsGate = new();
    private readonly Dictionary<int, EmulatedList> _lists = new();
    private readonly Dictionary<(int List, int Page), MdbListListPageFault> _pageFaults = new();

    /// <summary>Adds (or replaces) a list.</summary>
    /// <param name="id">The list id.</param>
    /// <param name="name">The name.</param>
    /// <param name="owner">The owner's user name ("demo" is the account's own).</param>
    /// <param name="mediaType">"movie", "show" or null for mixed.</param>
    /// <param name="entries">The titles in rank order.</param>
    /// <param name="likes">Likes (orders the top lists).</param>
    public void SetList(int id, string name, string owner, string? mediaType, IEnumerable<MdbListListEntry> entries, int likes = 0)
    {
        lock (_listsGate)
        {
            _lists[id] = new EmulatedList(id, name, owner, Slug(name), mediaType, likes, entries.ToList());
        }
    }

    /// <summary>Replaces a list's titles (the list changed on MDBList).</summary>
    /// <param name="id">The list id.</param>
    /// <param name="entries">The titles in rank order.</param>
    public void SetListItems(int id, IEnumerable<MdbListListEntry> entries)
    {
        lock (_listsGate)
        {
            _lists[id] = _lists[id] with { Entries = entries.ToList() };
        }
    }

    /// <summary>Makes one page of a list's items fail (page 0 is the first), until <see cref="ClearListFaults"/>.</summary>
    /// <param name="id">The list id.</param>
    /// <param name="page">The page index at the requested page size.</param>
    /// <param name="fault">How it fails.</param>
    public void FailListPage(int id, int page, MdbListListPageFault fault)
    {
        lock (_listsGate)
        {
            _pageFaults[(id, page)] = fault;
        }
    }

    /// <summary>Clears every page fault.</summary>
    public void ClearListFaults()
    {
        lock (_listsGate)
        {
            _pageFaults.Clear();
        }
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private static JsonObject DescribeList(EmulatedList list) => new()
    {
        ["id"] = list.Id,
        ["name"] = list.Name,
        ["slug"] = list.Slug,
        ["items"] = list.Entries.Count,
        ["likes"] = list.Likes,
        ["user_name"] = list.Owner,
        ["mediatype"] = list.MediaType,
        ["dynamic"] = true,
        ["private"] = false,
        ["description"] = string.Empty,
    };

    private static JsonObject DescribeEntry(MdbListListEntry entry, int rank) => new()
    {
        ["id"] = entry.Tmdb,
        ["rank"] = rank,
        ["adult"] = 0,
        ["title"] = entry.Title,
        ["imdb_id"] = entry.Imdb,
        ["tvdb_id"] = entry.Tvdb,
        ["mediatype"] = entry.Kind,
        ["release_year"] = entry.Year,
        ["language"] = "en",
    };

    private async Task<bool> ServeListsAsync(HttpContext context, string[] segments)
    {
        var query = context.Request.Query;
        List<EmulatedList> all;
        lock (_listsGate)
        {
            all = _lists.Values.ToList();
        }

        switch (segments)
        {
            case ["lists", "user"]:
                await WriteListsAsync(context, all.Where(l => l.Owner == "demo")).ConfigureAwait(false);
                return true;
            case ["lists", "top"]:
                await WriteListsAsync(context, all.Where(l => Kind(l, query["mediatype"])).OrderByDescending(l => l.Likes)).ConfigureAwait(false);
                return true;
            case ["lists", "search"]:
                var text = query["query"].ToString();
                await WriteListsAsync(context, all.Where(l => text.Length > 0 && l.Name.Contains(text, StringComparison.OrdinalIgnoreCase) && Kind(l, query["mediatype"]))).ConfigureAwait(false);
                return true;
            case ["lists", var id] when Find(all, id, null) is { } list:
                await WriteListsAsync(context, [list]).ConfigureAwait(false);
                return true;
            case ["lists", var owner, var slug] when slug != "items" && Find(all, owner, slug) is { } list:
                await WriteListsAsync(context, [list]).ConfigureAwait(false);
                return true;
            case ["lists", var id, "items"] when Find(all, id, null) is { } list:
                await WriteItemsAsync(context, list).ConfigureAwait(false);
                return true;
            case ["lists", ..]:
                await WriteJsonAsync(context, 404, new JsonObject { ["error"] = "List not found" }).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static bool Kind(EmulatedList list, string? mediaType) =>
        string.IsNullOrEmpty(mediaType) || list.MediaType is null || list.MediaType == mediaType;

    private static EmulatedList? Find(List<EmulatedList> all, string idOrOwner, string? slug) => slug is null
        ? int.TryParse(idOrOwner, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? all.FirstOrDefault(l => l.Id == id) : null
        : all.FirstOrDefault(l => l.Owner == idOrOwner && l.Slug == slug);

    private static Task WriteListsAsync(HttpContext context, IEnumerable<EmulatedList> lists) =>
        WriteJsonAsync(context, 200, new JsonArray(lists.Select(l => (JsonNode?)DescribeList(l)).ToArray()));

    private async Task WriteItemsAsync(HttpContext context, EmulatedList list)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : DefaultListPageSize;
        var offset = int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        if (limit < 1 || limit > MaxListPageSize)
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["error"] = Inv($"limit must be between 1 and {MaxListPageSize}") }).ConfigureAwait(false);
            return;
        }

        IEnumerable<MdbListListEntry> entries = list.Entries;
        var genre = query["filter_genre"].ToString();
        if (genre.Length > 0)
        {
            entries = entries.Where(e => e.Genres?.Contains(genre, StringComparer.Ordinal) == true);
        }

        var descending = query["order"] == "desc";
        entries = query["sort"].ToString() switch
        {
            "imdbpopular" => descending ? entries.OrderByDescending(e => e.ImdbPopular) : entries.OrderBy(e => e.ImdbPopular),
            "score" => descending ? entries.OrderByDescending(e => e.Score) : entries.OrderBy(e => e.Score),
            _ => entries,
        };
        var sorted = entries.ToList();
        var page = sorted.Skip(offset).Take(limit).ToList();
        var hasMore = offset + page.Count < sorted.Count;
        MdbListListPageFault? fault;
        lock (_listsGate)
        {
            fault = _pageFaults.TryGetValue((list.Id, offset / limit), out var f) ? f : null;
        }

        switch (fault)
        {
            case MdbListListPageFault.Outage:
                await WriteJsonAsync(context, 503, new JsonObject { ["error"] = "Service Unavailable" }).ConfigureAwait(false);
                return;
            case MdbListListPageFault.Malformed:
                await WriteTextAsync(context, 200, "{\"movies\": [{\"id\": 603, \"title\": \"The Ma", "application/json").ConfigureAwait(false);
                return;
            case MdbListListPageFault.Partial:
                page = page.Take(Math.Max(0, page.Count / 2)).ToList();
                hasMore = true;
                break;
            case MdbListListPageFault.Empty:
                await WriteJsonAsync(context, 200, new JsonObject { ["movies"] = new JsonArray(), ["shows"] = new JsonArray() }).ConfigureAwait(false);
                return;
            case MdbListListPageFault.ChangedShape:
                await WriteJsonAsync(context, 200, new JsonObject { ["data"] = new JsonArray(page.Select((e, i) => (JsonNode?)DescribeEntry(e, offset + i + 1)).ToArray()) }).ConfigureAwait(false);
                return;
        }

        context.Response.Headers["X-Has-More"] = hasMore ? "true" : "false";
        context.Response.Headers["X-Total-Items"] = sorted.Count.ToString(CultureInfo.InvariantCulture);
        var ranks = list.Entries.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i + 1);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["movies"] = new JsonArray(page.Where(e => e.Kind == "movie").Select(e => (JsonNode?)DescribeEntry(e, ranks[e])).ToArray()),
            ["shows"] = new JsonArray(page.Where(e => e.Kind == "show").Select(e => (JsonNode?)DescribeEntry(e, ranks[e])).ToArray()),
        }).ConfigureAwait(false);
    }

    private sealed record EmulatedList(int Id, string Name, string Owner, string Slug, string? MediaType, int Likes, List<MdbListListEntry> Entries);
}
