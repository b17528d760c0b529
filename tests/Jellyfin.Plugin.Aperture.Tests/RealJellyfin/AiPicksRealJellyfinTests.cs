using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// AI picks inside a real server, against the AI emulator's real sentence embeddings: after "Refresh AI picks" each
/// user with enough history has their own private "Aperture Picks" playlist, read back through Jellyfin's API as that
/// user; the other user cannot see it; a title the user's parental control blocks is never among their picks; a pick
/// hidden through the user API, or with "Not interested" on the user page in a real browser signed in through
/// jellyfin-web, is off that user's playlist after the next refresh; switched on, AI-written reasons reach the user
/// API with the day's token budget; switched on, AI mood tags ("Mood: Tense") are written into the real items and read
/// back through Jellyfin's item API.
/// </summary>
/// <typeparam name="TFixture">The server of one Jellyfin version.</typeparam>
public abstract class AiPicksRealJellyfinTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    // The second user may not see this one (a blocked tag in their policy, as parental controls set it); it is the
    // one of the titles nearest their taste, so only Jellyfin's per-user query keeps it off their picks.
    private const string Blocked = "Kitchen Secrets";
    private const string BlockedTag = "aperture-blocked";

    // Movies with real overviews (NFO plots) added to the fixture library, so picks have something to tell apart.
    private static readonly (string Title, string Plot)[] _movies =
    [
        ("Star Voyage", "A team of astronauts travels through a wormhole near Saturn in search of a new planet for humanity."),
        ("Red Planet Alone", "An astronaut stranded on Mars must survive alone on the red planet until a rescue mission reaches him."),
        ("Orbit", "Two astronauts drift in orbit after debris destroys their space shuttle and must find a way back to Earth."),
        ("Far Side", "A lone worker mining helium on the far side of the Moon nears the end of his three-year shift in space."),
        ("Solar Crew", "A crew of astronauts on a spaceship is sent to reignite the dying Sun to save Earth."),
        ("Bookshop Love", "A shy London bookshop owner falls in love with a famous actress who walks into his shop."),
        ("Food Truck", "A chef who loses his restaurant job starts a food truck and drives across the country cooking."),
        ("Country House", "A loyal English butler in a country house before the war looks back on duty and lost love."),
        ("Cookbook Year", "A New York office worker cooks every recipe in a French cookbook and writes about it."),
        (Blocked, "A young cook who loses her restaurant job learns a famous chef's recipes and starts cooking from a food truck."),
    ];

    private static readonly string[] _adminLikes = ["Star Voyage", "Red Planet Alone", "Orbit"];
    private static readonly string[] _userLikes = ["Bookshop Love", "Food Truck", "Country House"];
    private static readonly string[] _spaceUnseen = ["Far Side", "Solar Crew"];

    protected AiPicksRealJellyfinTests(TFixture fixture, ChromiumFixture chromium, ITestOutputHelper output)
    {
        Fixture = fixture;
        Chromium = chromium;
        Output = output;
    }

    protected TFixture Fixture { get; }

    protected ChromiumFixture Chromium { get; }

    protected ITestOutputHelper Output { get; }

    private JellyfinServer Server => Fixture.Server;

    [SkippableFact]
    public async Task EachUserGetsTheirOwnPrivatePicksPlaylistAndAHiddenPickLeavesIt()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        AddMovies();
        await Fixture.ScanAsync();
        var ai = (AiEmulator)Fixture.Emulator("ai");
        ai.Models = [.. ai.Models, AiEmulator.SentenceModel];
        await Fixture.SaveCredentialsAsync("ai");
        await Fixture.Aperture(HttpMethod.Put, "Integrations/ai/Settings", new
        {
            BaseUrl = ai.BaseUrl.AbsoluteUri,
            Options = new Dictionary<string, string> { ["embeddingModel"] = AiEmulator.SentenceModel, ["picksCount"] = "20" },
        });

        var adminId = (await Server.GetJsonAsync("Users/Me")).GetProperty("Id").GetString()!;
        using var bob = await JellyfinUserAccount.CreateAsync(Server, "picks-bob", "bob-password-1");
        await BlockTagAsync(bob.UserId);
        var ids = await MovieIdsAsync();
        foreach (var title in _adminLikes)
        {
            await FinishAndFavouriteAsync(Server.Api, ids[title]);
        }

        foreach (var title in _userLikes)
        {
            await FinishAndFavouriteAsync(bob.Api, ids[title]);
        }

        await RunTaskAsync();

        var adminPlaylists = await PicksPlaylistsAsync(Server.Api, adminId);
        var bobPlaylists = await PicksPlaylistsAsync(bob.Api, bob.UserId);
        Assert.True(adminPlaylists.Count == 1, "Expected one picks playlist for the admin. Server log:\n" + Server.Tail(80));
        Assert.Single(bobPlaylists);
        Assert.NotEqual(adminPlaylists[0], bobPlaylists[0]);

        // The admin's picks: the unseen space films first, nothing already watched.
        var adminEntries = await EntriesAsync(Server.Api, adminPlaylists[0], adminId);
        Output.WriteLine("admin picks: " + string.Join(", ", adminEntries));
        Assert.Equal(_spaceUnseen.Order(StringComparer.Ordinal), adminEntries.Take(2).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(adminEntries, _adminLikes.Contains);
        var bobEntries = await EntriesAsync(bob.Api, bobPlaylists[0], bob.UserId);
        Output.WriteLine("bob picks: " + string.Join(", ", bobEntries));
        Assert.DoesNotContain(bobEntries, _userLikes.Contains);
        Assert.Equal("Cookbook Year", bobEntries[0]);
        Assert.DoesNotContain(Blocked, bobEntries);
        Assert.Contains(Blocked, adminEntries);

        // Private: not open to everyone, and the other user cannot open it.
        Assert.False((await Server.GetJsonAsync("Playlists/" + adminPlaylists[0])).GetProperty("OpenAccess").GetBoolean());
        using (var response = await bob.Api.GetAsync("Playlists/" + adminPlaylists[0] + "/Items?userId=" + bob.UserId))
        {
            Output.WriteLine("bob opening the admin's playlist: " + (int)response.StatusCode);
            Assert.False(response.IsSuccessStatusCode, "Another user could read the admin's picks playlist.");
        }

        // The user API shows each user their own picks with reasons, and hides one for good.
        var adminPicks = await Fixture.Aperture(HttpMethod.Get, "User/Picks");
        Output.WriteLine("admin picks view: " + adminPicks);
        var first = adminPicks.GetProperty("Picks")[0];
        Assert.StartsWith("Because you loved", first.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        var bobView = JsonDocument.Parse(await bob.Api.GetStringAsync("Aperture/User/Picks")).RootElement;
        // The playlist plays the series' episodes where the page lists the series.
        var series = FixtureLibrary.Series.Title;
        Assert.Equal(
            bobEntries.Select(e => e.StartsWith(series, StringComparison.Ordinal) ? series : e),
            bobView.GetProperty("Picks").EnumerateArray().Select(p => p.GetProperty("Name").GetString()!));
        await Fixture.Aperture(HttpMethod.Post, "User/Picks/" + first.GetProperty("ItemId").GetString() + "/Hide");

        // The non-admin user on the user page: their picks with reasons, and "Not interested" on the first.
        string bobHidden;
        await using (var web = await JellyfinWebUserPage.OpenAsync(Chromium, bob))
        {
            var picks = web.Page.Locator("[data-testid='pick']");
            await Expect(picks.First).ToBeVisibleAsync();
            Assert.Equal(bobView.GetProperty("Picks").GetArrayLength(), await picks.CountAsync());
            await Expect(picks.First.Locator("[data-testid='pick-reason']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Because you loved "));
            bobHidden = (await picks.First.Locator(".name").TextContentAsync())!;
            await picks.First.Locator("[data-testid='pick-hide']").ClickAsync();
            await Expect(web.Page.Locator("[data-testid='pick'] .name").First).Not.ToHaveTextAsync(bobHidden);
            Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
        }

        await RunTaskAsync();
        var bobAfter = await EntriesAsync(bob.Api, bobPlaylists[0], bob.UserId);
        Output.WriteLine("bob picks after hiding " + bobHidden + ": " + string.Join(", ", bobAfter));
        Assert.DoesNotContain(bobHidden, bobAfter);
        Assert.Equal(adminPlaylists, await PicksPlaylistsAsync(Server.Api, adminId));
        var after = await EntriesAsync(Server.Api, adminPlaylists[0], adminId);
        Output.WriteLine("admin picks after hiding " + first.GetProperty("Name").GetString() + ": " + string.Join(", ", after));
        Assert.DoesNotContain(first.GetProperty("Name").GetString(), after);
        Assert.NotEmpty(after);

        // Optional AI-written reasons, switched on: the chat model's lines reach the user API with today's budget.
        ai.ChatReply = "{\"reasons\": [" + string.Join(", ", Enumerable.Range(0, 20).Select(i => "\"A written reason " + i + ".\"")) + "]}";
        await Fixture.Aperture(HttpMethod.Put, "Integrations/ai/Settings", new
        {
            BaseUrl = ai.BaseUrl.AbsoluteUri,
            Options = new Dictionary<string, string> { ["embeddingModel"] = AiEmulator.SentenceModel, ["picksCount"] = "20", ["aiReasons"] = "on" },
        });
        await RunTaskAsync();
        var written = await Fixture.Aperture(HttpMethod.Get, "User/Picks");
        Output.WriteLine("with AI-written reasons: " + written);
        Assert.Equal("A written reason 0.", written.GetProperty("Picks")[0].GetProperty("Reason").GetString());
        Assert.Matches("^AI-written reasons: [1-9][0-9,]* of 20,000 tokens used today\\.$", written.GetProperty("ReasonBudget").GetString());
    }

    [SkippableFact]
    public async Task AiMoodTagsSwitchedOnAreWrittenIntoTheRealItemsOnce()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        AddMovies();
        await Fixture.ScanAsync();
        var ai = (AiEmulator)Fixture.Emulator("ai");
        ai.Models = [.. ai.Models.Union([AiEmulator.SentenceModel])];
        await Fixture.SaveCredentialsAsync("ai");
        await Fixture.Aperture(HttpMethod.Put, "Integrations/ai/Settings", new
        {
            BaseUrl = ai.BaseUrl.AbsoluteUri,
            Options = new Dictionary<string, string> { ["embeddingModel"] = AiEmulator.SentenceModel, ["aiMoodTags"] = "on" },
        });

        await RunTaskAsync();

        // The emulator answers space plots with Epic, Tense and the unknown "Spacey" (dropped), love with Romantic and
        // Feel-good, anything else with Dark; the NFO's own tag stays beside the moods.
        var tags = await MovieTagsAsync();
        Output.WriteLine(string.Join("\n", tags.Select(t => t.Key + ": " + string.Join(", ", t.Value))));
        Assert.True(
            tags["Star Voyage"].Order(StringComparer.Ordinal).SequenceEqual(["Mood: Epic", "Mood: Tense"]),
            "Star Voyage's tags: " + string.Join(", ", tags["Star Voyage"]) + "\n" + Server.Tail(80));
        Assert.Equal(["Mood: Feel-good", "Mood: Romantic"], tags["Bookshop Love"].Order(StringComparer.Ordinal));
        Assert.Equal(["Mood: Dark", BlockedTag], tags[Blocked].Order(StringComparer.Ordinal));

        // Tagged once: the next run asks the chat model nothing and the tags stay as they are.
        var calls = ai.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
        await RunTaskAsync();
        Assert.Equal(calls, ai.Requests.Count(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)));
        Assert.Equal(tags["Star Voyage"].Order(StringComparer.Ordinal), (await MovieTagsAsync())["Star Voyage"].Order(StringComparer.Ordinal));
    }

    private static async Task FinishAndFavouriteAsync(HttpClient api, string itemId)
    {
        using (var played = await api.PostAsync("UserPlayedItems/" + itemId, null))
        {
            played.EnsureSuccessStatusCode();
        }

        using var favourite = await api.PostAsync("UserFavoriteItems/" + itemId, null);
        favourite.EnsureSuccessStatusCode();
    }

    private static async Task<List<string>> PicksPlaylistsAsync(HttpClient api, string userId)
    {
        using var doc = JsonDocument.Parse(await api.GetStringAsync("Items?IncludeItemTypes=Playlist&Recursive=true&userId=" + userId));
        return doc.RootElement.GetProperty("Items").EnumerateArray()
            .Where(p => p.GetProperty("Name").GetString() == "Aperture Picks")
            .Select(p => p.GetProperty("Id").GetString()!)
            .ToList();
    }

    private static async Task<List<string>> EntriesAsync(HttpClient api, string playlistId, string userId)
    {
        using var doc = JsonDocument.Parse(await api.GetStringAsync("Playlists/" + playlistId + "/Items?userId=" + userId));
        return doc.RootElement.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("Name").GetString()!).ToList();
    }

    // As an admin does under the user's parental control: the policy read back whole, one field changed, saved.
    private async Task BlockTagAsync(string userId)
    {
        var user = System.Text.Json.Nodes.JsonNode.Parse((await Server.GetJsonAsync("Users/" + userId)).GetRawText())!;
        var policy = user["Policy"]!.AsObject();
        policy["BlockedTags"] = new System.Text.Json.Nodes.JsonArray(BlockedTag);
        using var content = new StringContent(policy.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await Server.Api.PostAsync("Users/" + userId + "/Policy", content);
        Assert.True(response.IsSuccessStatusCode, "Saving the policy answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
    }

    private void AddMovies()
    {
        var video = Path.Combine(Path.GetDirectoryName(Fixture.MoviesFolder)!, "sample.mkv");
        foreach (var (title, plot) in _movies)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Fixture.MoviesFolder, title + " (2015)")).FullName;
            if (!File.Exists(Path.Combine(folder, title + " (2015).mkv")))
            {
                File.Copy(video, Path.Combine(folder, title + " (2015).mkv"));
            }

            File.WriteAllText(Path.Combine(folder, "movie.nfo"), $"""
                <?xml version="1.0" encoding="utf-8" standalone="yes"?>
                <movie>
                  <title>{SecurityElement.Escape(title)}</title>
                  <year>2015</year>
                  <plot>{SecurityElement.Escape(plot)}</plot>
                  {(title == Blocked ? "<tag>" + BlockedTag + "</tag>" : string.Empty)}
                </movie>
                """);
        }
    }

    private async Task<Dictionary<string, string>> MovieIdsAsync() =>
        (await Server.GetJsonAsync("Items?IncludeItemTypes=Movie&Recursive=true")).GetProperty("Items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("Name").GetString()!, i => i.GetProperty("Id").GetString()!);

    private Task RunTaskAsync() => JellyfinTasks.RunAsync(Server, "ApertureRefreshAiPicks", TimeSpan.FromMinutes(3));

    private async Task<Dictionary<string, List<string>>> MovieTagsAsync() =>
        (await Server.GetJsonAsync("Items?IncludeItemTypes=Movie&Recursive=true&Fields=Tags")).GetProperty("Items").EnumerateArray()
            .ToDictionary(
                i => i.GetProperty("Name").GetString()!,
                i => i.TryGetProperty("Tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : []);
}
