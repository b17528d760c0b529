using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// MDBList's list endpoints through the shared pipeline: the account's own lists, the top lists, a search, one list
/// by id or slug, and a list's items read whole in pages of the largest size MDBList serves.
/// </summary>
public sealed class MdbListListsClient
{
    /// <summary>The most items one page may hold (MDBList's maximum; Kometa asks for the same).</summary>
    public const int PageSize = 1000;

    /// <summary>The most pages one list read spends; 10,000 titles is more than any collection keeps.</summary>
    public const int MaxPages = 10;

    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;

    /// <summary>
    /// Initializes a new instance of the <see cref="MdbListListsClient"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="targets">MDBList's saved key and base URL.</param>
    public MdbListListsClient(IUpstreamPipeline pipeline, StoredTargets targets)
    {
        _pipeline = pipeline;
        _targets = targets;
    }

    /// <summary>Gets a value indicating whether an MDBList key is saved.</summary>
    public bool IsConfigured => _targets.Get(IntegrationIds.MdbList, "apiKey", out _) is not null;

    /// <summary>
    /// Lists lists: the account's own (<c>lists/user</c>), the top lists (<c>lists/top</c>) or a search.
    /// </summary>
    /// <param name="source">"own", "top" or "search".</param>
    /// <param name="kind">"movie" or "show": lists of the other kind are left out.</param>
    /// <param name="query">The search text (search only).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The lists, or the failure in words.</returns>
    public async Task<(IReadOnlyList<MdbListList>? Lists, string? Error)> FindListsAsync(string source, string kind, string? query, CancellationToken cancellationToken)
    {
        var path = source switch
        {
            "own" => "lists/user",
            "top" => "lists/top?mediatype=" + kind,
            "search" when query?.Trim() is { Length: >= 2 } text => "lists/search?query=" + Uri.EscapeDataString(text) + "&mediatype=" + kind,
            "search" => null,
            _ => throw new ArgumentException("Unknown list source.", nameof(source)),
        };
        if (path is null)
        {
            return (null, "Type at least two characters to search MDBList's lists.");
        }

        var (response, error) = await SendAsync(path, RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        if (response is not { IsSuccess: true })
        {
            return (null, error ?? response?.Message);
        }

        var lists = MdbListListParser.ReadLists(response.Body);
        return lists is null
            ? (null, "MDBList answered, but not with lists.")
            : (lists.Where(l => l.MediaType is null || l.MediaType == kind).ToList(), null);
    }

    /// <summary>
    /// Finds one list from what an admin pasted (id, <c>user/slug</c> or URL).
    /// </summary>
    /// <param name="reference">The pasted text.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The list, or the failure in words.</returns>
    public async Task<(MdbListList? List, string? Error)> GetListAsync(string reference, CancellationToken cancellationToken)
    {
        if (MdbListListReference.ToPath(reference) is not { } path)
        {
            return (null, "That is not an MDBList list: paste its id, user/slug, or its mdblist.com/lists/… address.");
        }

        var (response, error) = await SendAsync(path, RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        if (response is not { IsSuccess: true })
        {
            return (null, error ?? response?.Message);
        }

        var lists = MdbListListParser.ReadLists(response.Body);
        return lists is { Count: > 0 } ? (lists[0], null) : (null, "MDBList answered, but not with a list.");
    }

    /// <summary>
    /// Reads a list's items of one kind, whole: pages of <see cref="PageSize"/> until MDBList says there are no more.
    /// Any failed, unreadable or short page fails the whole read.
    /// </summary>
    /// <param name="choice">The list and its options (sort, genre).</param>
    /// <param name="priority">The lane: background for the task, interactive for a preview.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The read.</returns>
    public async Task<MdbListListRead> ReadItemsAsync(TopPicksListChoice choice, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var items = new List<MdbListListItem>();
        var requests = 0;
        bool? saidMore = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var offset = page * PageSize;
            var path = ItemsPath(choice, offset);
            requests++;
            var (response, error) = await SendAsync(path, priority, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return MdbListListRead.Failed(requests, UpstreamOutcome.Authentication, error!);
            }

            if (!response.IsSuccess)
            {
                return MdbListListRead.Failed(requests, response.Outcome, response.Message, response.ResetAt);
            }

            if (MdbListListParser.ReadPage(response.Body) is not { } entries)
            {
                return MdbListListRead.Failed(requests, UpstreamOutcome.BadResponse, $"MDBList answered page {page + 1} of list {choice.Name} with something that is not a list of titles.");
            }

            var hasMore = HasMore(response);
            var total = HeaderNumber.Read(response.Headers, "X-Total-Items");

            // A full page without X-Has-More may be the last one; an empty page after it then ends the list. After
            // "has more" it means the answer was cut.
            if (entries.Count == 0 && page > 0 && saidMore == true)
            {
                return MdbListListRead.Failed(requests, UpstreamOutcome.BadResponse, $"MDBList said list {choice.Name} had more titles, then sent an empty page {page + 1}.");
            }

            if (entries.Count > PageSize || (entries.Count < PageSize && hasMore == true))
            {
                return MdbListListRead.Failed(requests, UpstreamOutcome.BadResponse, $"MDBList sent a partial page {page + 1} of list {choice.Name}.");
            }

            foreach (var entry in entries.Where(e => e.Kind is null || e.Kind == choice.Kind))
            {
                items.Add(new MdbListListItem(items.Count + 1, choice.Kind, entry.Title, entry.Year, entry.Imdb, entry.Tmdb, entry.Tvdb));
            }

            saidMore = hasMore;
            if (entries.Count < PageSize || hasMore == false)
            {
                // X-Total-Items counts every kind; a complete read saw at least that many entries.
                if (total is { } t && t > offset + entries.Count)
                {
                    return MdbListListRead.Failed(requests, UpstreamOutcome.BadResponse, $"MDBList said list {choice.Name} holds {t} titles but sent {offset + entries.Count}.");
                }

                return new MdbListListRead(items, requests, null, null, null);
            }
        }

        // The cap: the first MaxPages pages are the best-ranked titles, which is all any collection keeps.
        return new MdbListListRead(items, requests, null, null, null);
    }

    private static string ItemsPath(TopPicksListChoice choice, int offset)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"lists/{Uri.EscapeDataString(choice.ListId)}/items?limit={PageSize}&offset={offset}");
        if (TopPicksSorts.IsKnown(choice.Sort))
        {
            path += "&sort=" + choice.Sort + "&order=" + TopPicksSorts.OrderOf(choice.Sort!);
        }

        if (!string.IsNullOrWhiteSpace(choice.Genre))
        {
            path += "&filter_genre=" + Uri.EscapeDataString(choice.Genre.Trim());
        }

        return path;
    }

    private static bool? HasMore(UpstreamResponse response)
    {
        if (response.Headers is null || !response.Headers.TryGetValues("X-Has-More", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault()?.Trim();
        return value is null ? null : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
    }

    // The classified answer, or why nothing was sent (no key saved).
    private async Task<(UpstreamResponse? Response, string? NotSent)> SendAsync(string path, RequestPriority priority, CancellationToken cancellationToken)
    {
        if (_targets.Get(IntegrationIds.MdbList, "apiKey", out var key) is not { } target)
        {
            return (null, "MDBList is not set up: save its API key on the Aperture settings page.");
        }

        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var request = SourceCall.Create(IntegrationIds.MdbList, target, path + separator + "apikey=" + Uri.EscapeDataString(key), priority);
        return (await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false), null);
    }
}
