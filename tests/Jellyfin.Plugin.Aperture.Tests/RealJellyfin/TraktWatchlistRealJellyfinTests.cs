using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// The Trakt watchlist sync inside a real server: a linked user's Trakt watchlist (two movies and a series of the
/// fixture library, one title the library lacks) becomes their private playlist after "Sync Trakt watchlist", read
/// back through Jellyfin's own playlist API, and Trakt's suggestions in the library fill a second playlist; an entry
/// removed through that API leaves the Trakt watchlist after the next run, and the other titles stay. The Trakt
/// card's playlist settings are saved through the page in real jellyfin-web.
/// </summary>
/// <typeparam name="TFixture">The server of one Jellyfin version.</typeparam>
public abstract class TraktWatchlistRealJellyfinTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    protected TraktWatchlistRealJellyfinTests(TFixture fixture, ChromiumFixture chromium, ITestOutputHelper output)
    {
        Fixture = fixture;
        Chromium = chromium;
        Output = output;
    }

    protected TFixture Fixture { get; }

    protected ChromiumFixture Chromium { get; }

    protected ITestOutputHelper Output { get; }

    private JellyfinServer Server => Fixture.Server;

    private TraktEmulator Trakt => Fixture.Emulators.Trakt;

    [SkippableFact]
    public async Task ALinkedUsersWatchlistBecomesTheirPlaylistAndARemovalThroughJellyfinReachesTrakt()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        Trakt.AutoApproveDeviceCodes = true;
        await Fixture.ScanAsync();
        var userId = (await Server.GetJsonAsync("Users/Me")).GetProperty("Id").GetString()!;

        // Link through the user API, as the user page does.
        await Fixture.Aperture(HttpMethod.Post, "User/Trakt/Link");
        await JellyfinServer.WaitUntilAsync(
            "the Trakt link",
            async () => (await Fixture.Aperture(HttpMethod.Post, "User/Trakt/Link/Poll")).GetProperty("Status").GetString() == "Linked",
            TimeSpan.FromSeconds(60));
        var token = Trakt.IssuedAccessTokens.Last();

        var (matrixTitle, matrixYear, _, matrixTmdb) = FixtureLibrary.Movies[0];
        var (empireTitle, empireYear, _, empireTmdb) = FixtureLibrary.Movies[1];
        var series = FixtureLibrary.Series;
        Trakt.AddToWatchlistOnTrakt(token, new TraktListedTitle("movie", matrixTitle, matrixYear, matrixTmdb));
        Trakt.AddToWatchlistOnTrakt(token, new TraktListedTitle("movie", empireTitle, empireYear, empireTmdb));
        Trakt.AddToWatchlistOnTrakt(token, new TraktListedTitle("show", series.Title, series.Year, null, null, series.TvdbId));
        Trakt.AddToWatchlistOnTrakt(token, new TraktListedTitle("movie", "Not In The Library", 2001, 999_001));
        var (inceptionTitle, inceptionYear, _, inceptionTmdb) = FixtureLibrary.Movies[2];
        Trakt.SetRecommendations(token, [
            new TraktListedTitle("movie", inceptionTitle, inceptionYear, inceptionTmdb),
            new TraktListedTitle("movie", "Suggested Elsewhere", 2003, 999_002),
            new TraktListedTitle("movie", matrixTitle, matrixYear, matrixTmdb),
        ]);

        await RunTaskAsync();

        // Suggestions: the ones in the library, in Trakt's order, on the user's own suggestions playlist.
        var suggestions = (await Server.GetJsonAsync("Items?IncludeItemTypes=Playlist&Recursive=true&userId=" + userId)).GetProperty("Items").EnumerateArray()
            .Single(p => p.GetProperty("Name").GetString() == "Trakt Suggestions");
        Assert.Equal([inceptionTitle, matrixTitle], (await EntriesAsync(suggestions.GetProperty("Id").GetString()!, userId)).Select(e => e.Name));

        var playlists = (await Server.GetJsonAsync("Items?IncludeItemTypes=Playlist&Recursive=true&userId=" + userId)).GetProperty("Items").EnumerateArray()
            .Where(p => p.GetProperty("Name").GetString() == "Trakt Watchlist").ToList();
        Assert.True(playlists.Count == 1, "Expected one \"Trakt Watchlist\" playlist. Server log:\n" + Server.Tail(80));
        var playlistId = playlists[0].GetProperty("Id").GetString()!;
        var entries = await EntriesAsync(playlistId, userId);
        Output.WriteLine("playlist: " + string.Join(", ", entries.Select(e => e.Type + " " + e.Name)));
        Assert.Equal(["Episode", "Movie", "Movie"], entries.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.Contains(entries, e => e.Name == matrixTitle);
        Assert.Contains(entries, e => e.Name == empireTitle);
        Assert.Contains(entries, e => e.Type == "Episode" && e.SeriesName == series.Title);

        // Private: the owner's, not open to everyone.
        var playlist = await Server.GetJsonAsync("Playlists/" + playlistId);
        Output.WriteLine("playlist dto: " + playlist);
        Assert.False(playlist.GetProperty("OpenAccess").GetBoolean());

        // The user takes The Matrix off the playlist in Jellyfin.
        var matrix = entries.Single(e => e.Name == matrixTitle);
        using (var response = await Server.Api.DeleteAsync("Playlists/" + playlistId + "/Items?entryIds=" + matrix.EntryId))
        {
            response.EnsureSuccessStatusCode();
        }

        await RunTaskAsync();

        var watchlist = Trakt.WatchlistOf(token);
        Output.WriteLine("trakt: " + string.Join(", ", watchlist.Select(t => t.Title)));
        Assert.DoesNotContain(watchlist, t => t.Tmdb == matrixTmdb);
        Assert.Contains(watchlist, t => t.Tmdb == empireTmdb);
        Assert.Contains(watchlist, t => t.Tvdb == series.TvdbId);
        Assert.Contains(watchlist, t => t.Tmdb == 999_001);
        Assert.Equal(2, (await EntriesAsync(playlistId, userId)).Count);
    }

    [SkippableFact]
    public async Task TheTraktCardSavesThePlaylistNameAndTheSuggestionsSwitchInJellyfinWeb()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        var card = web.Card("trakt");
        var name = card.Locator("[data-option='watchlistPlaylist']");
        var suggestions = card.Locator("[data-testid='option-switch'][data-option='suggestions']");
        await Expect(suggestions).ToBeCheckedAsync();
        await Expect(card.Locator("label.emby-checkbox-label", new LocatorLocatorOptions { HasText = "Suggestions playlist on" })).ToBeVisibleAsync();

        await name.FillAsync("To watch");
        await suggestions.SetCheckedAsync(false, new LocatorSetCheckedOptions { Force = true });
        await card.Locator("[data-testid='save']").ClickAsync();
        await Expect(card.Locator("[data-testid='result']")).Not.ToBeEmptyAsync();

        var options = Options(await Fixture.Aperture(HttpMethod.Get, "Integrations"));
        Assert.Equal(("To watch", "off"), (options["watchlistPlaylist"], options["suggestions"]));
        await web.OpenSettingsAsync();
        await Expect(name).ToHaveValueAsync("To watch");
        await Expect(suggestions).Not.ToBeCheckedAsync();

        // Back to the defaults through the page: a blank name means the default.
        await name.FillAsync(string.Empty);
        await suggestions.SetCheckedAsync(true, new LocatorSetCheckedOptions { Force = true });
        await card.Locator("[data-testid='save']").ClickAsync();
        await Expect(name).ToHaveValueAsync("Trakt Watchlist");
        options = Options(await Fixture.Aperture(HttpMethod.Get, "Integrations"));
        Assert.Equal(("Trakt Watchlist", "on"), (options["watchlistPlaylist"], options["suggestions"]));
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    private static System.Collections.Generic.Dictionary<string, string?> Options(JsonElement integrations) =>
        integrations.EnumerateArray().Single(i => i.GetProperty("Id").GetString() == "trakt").GetProperty("Options").EnumerateArray()
            .ToDictionary(o => o.GetProperty("Name").GetString()!, o => o.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null);

    private async Task<System.Collections.Generic.List<(string Type, string Name, string? SeriesName, string EntryId)>> EntriesAsync(string playlistId, string userId) =>
        (await Server.GetJsonAsync("Playlists/" + playlistId + "/Items?userId=" + userId)).GetProperty("Items").EnumerateArray()
            .Select(i => (
                i.GetProperty("Type").GetString()!,
                i.GetProperty("Name").GetString()!,
                i.TryGetProperty("SeriesName", out var s) ? s.GetString() : null,
                i.GetProperty("PlaylistItemId").GetString()!))
            .ToList();

    private async Task RunTaskAsync()
    {
        await JellyfinTasks.RunAsync(Server, "ApertureSyncTraktWatchlist");
        Output.WriteLine("status: " + await Fixture.Aperture(HttpMethod.Get, "User/Trakt/Status"));
    }
}
