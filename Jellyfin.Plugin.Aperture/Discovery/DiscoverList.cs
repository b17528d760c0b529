using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>
/// A user's Discover list: the missing titles their sources found (their own and the server-wide ones), one entry per
/// title however many sources list it, each with Seerr's status.
/// </summary>
public sealed class DiscoverList
{
    /// <summary>The most titles whose Seerr status one page load asks for (one call each).</summary>
    public const int MaxStatusLookups = 60;

    private readonly MissingTitleStore _store;
    private readonly SeerrClient _client;

    /// <summary>Initializes a new instance of the <see cref="DiscoverList"/> class.</summary>
    /// <param name="store">The missing titles.</param>
    /// <param name="client">The Seerr client.</param>
    public DiscoverList(MissingTitleStore store, SeerrClient client)
    {
        _store = store;
        _client = client;
    }

    /// <summary>Builds the list for a user.</summary>
    /// <param name="userId">The user, or null for server-wide lists only.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The titles, in source order.</returns>
    public async Task<IReadOnlyList<DiscoverItem>> ListAsync(Guid? userId, CancellationToken cancellationToken)
    {
        var groups = _store.List(userId)
            .GroupBy(e => Key(e.Title), StringComparer.Ordinal)
            .Select(g => (Title: g.First().Title, Reasons: (IReadOnlyList<string>)g.Select(Reason).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
        var server = groups.Count > 0 && _client.IsConfigured
            ? (await _client.GetServerAsync(RequestPriority.Interactive, cancellationToken).ConfigureAwait(false)).Value
            : null;
        var items = new List<DiscoverItem>(groups.Count);
        var lookups = 0;
        foreach (var (title, reasons) in groups)
        {
            SeerrAvailability? availability = null;
            string? poster = null;
            if (server is not null && title.Tmdb is { } tmdb && lookups++ < MaxStatusLookups)
            {
                var media = (await _client.GetMediaAsync(title.Kind == MissingTitle.Movie, tmdb, RequestPriority.Interactive, cancellationToken).ConfigureAwait(false)).Value;
                availability = media is null ? null : SeerrMediaStatus.Map(media.Status, server.Kind);
                poster = media?.PosterPath;
            }

            items.Add(new DiscoverItem(title, reasons, availability, poster));
        }

        return items;
    }

    /// <summary>Finds the name of a title on a user's list.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="kind">"movie" or "show".</param>
    /// <param name="tmdb">The TMDb id.</param>
    /// <returns>The name, or null when the title is not on the user's list.</returns>
    public string? TitleOf(Guid userId, string kind, long tmdb) =>
        _store.List(userId).FirstOrDefault(e => e.Title.Kind == kind && e.Title.Tmdb == tmdb)?.Title.Title;

    /// <summary>Gets why a source lists a title, in the user's words.</summary>
    /// <param name="entry">The stored entry.</param>
    /// <returns>The reason.</returns>
    public static string Reason(MissingTitleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Source switch
        {
            MissingTitleSources.TraktWatchlist => "On your Trakt watchlist",
            MissingTitleSources.TraktSuggestions => "Suggested for you by Trakt",
            MissingTitleSources.MdbList => "On the MDBList list " + entry.List,
            _ => "Listed by " + entry.Source,
        };
    }

    private static string Key(MissingTitle title) => title.Kind + ":" + (title.Tmdb?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? title.Imdb
        ?? title.Title.ToUpperInvariant() + "|" + title.Year);
}
