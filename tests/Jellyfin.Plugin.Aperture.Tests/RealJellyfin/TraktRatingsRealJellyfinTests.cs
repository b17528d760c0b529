using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// The Trakt rating sync inside a real server: the admin links Trakt through Aperture's user API (the emulator
/// approves the code at once), rates a movie through Jellyfin's own API, runs "Sync Trakt ratings", and the rating is
/// at the emulator; a rating made on Trakt comes back into the admin's Jellyfin user data.
/// </summary>
/// <typeparam name="TFixture">The server of one Jellyfin version.</typeparam>
public abstract class TraktRatingsRealJellyfinTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    protected TraktRatingsRealJellyfinTests(TFixture fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        Output = output;
    }

    protected TFixture Fixture { get; }

    protected ITestOutputHelper Output { get; }

    private JellyfinServer Server => Fixture.Server;

    private TraktEmulator Trakt => Fixture.Emulators.Trakt;

    [SkippableFact]
    public async Task ARatingSetThroughJellyfinsApiReachesTraktAndATraktRatingComesBack()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        Trakt.AutoApproveDeviceCodes = true;
        await Fixture.ScanAsync();
        var userId = (await Server.GetJsonAsync("Users/Me")).GetProperty("Id").GetString()!;

        // Link through the user API, as the user page will: start, then poll at the given interval until linked.
        var start = await Fixture.Aperture(HttpMethod.Post, "User/Trakt/Link");
        Output.WriteLine("link: " + start);
        await JellyfinServer.WaitUntilAsync(
            "the Trakt link",
            async () => (await Fixture.Aperture(HttpMethod.Post, "User/Trakt/Link/Poll")).GetProperty("Status").GetString() == "Linked",
            TimeSpan.FromSeconds(60));
        var token = Assert.Single(Trakt.IssuedAccessTokens);

        var movies = (await Server.GetJsonAsync("Items?IncludeItemTypes=Movie&Recursive=true&Fields=ProviderIds&userId=" + userId)).GetProperty("Items").EnumerateArray().ToList();
        Assert.True(movies.Count >= 2, "The fixture library has at least two movies.");
        var liked = movies[0];
        var fromTrakt = movies[1];

        // A like through Jellyfin's rating endpoint (10.11 and 12: /UserItems/{id}/Rating; the older per-user route
        // is tried when it is missing).
        await RateAsync(userId, liked.GetProperty("Id").GetString()!);
        var likedTmdb = long.Parse(liked.GetProperty("ProviderIds").GetProperty("Tmdb").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var fromTraktTmdb = long.Parse(fromTrakt.GetProperty("ProviderIds").GetProperty("Tmdb").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Trakt.RateOnTrakt(token, new TraktRatingEntry("movie", fromTraktTmdb, null, null, 7, new DateTimeOffset(2024, 3, 1, 20, 15, 0, TimeSpan.Zero)));

        await RunSyncTaskAsync();

        var atTrakt = Trakt.RatingsOf(token).SingleOrDefault(e => e.Tmdb == likedTmdb);
        Assert.True(atTrakt is not null, "The like did not reach Trakt. Server log:\n" + Server.Tail(60));
        Assert.Equal(10, atTrakt.Rating);

        var data = await Server.GetJsonAsync("UserItems/" + fromTrakt.GetProperty("Id").GetString() + "/UserData?userId=" + userId);
        Output.WriteLine("user data: " + data);
        Assert.Equal(7.0, data.GetProperty("Rating").GetDouble());

        // Aperture's own write is not a local change: a second run sends nothing.
        var writes = Trakt.RatingWrites.Count;
        await RunSyncTaskAsync();
        Assert.Equal(writes, Trakt.RatingWrites.Count);
    }

    private async Task RateAsync(string userId, string itemId)
    {
        using (var response = await Server.Api.PostAsync("UserItems/" + itemId + "/Rating?likes=true&userId=" + userId, null))
        {
            Output.WriteLine("POST /UserItems/{id}/Rating: " + (int)response.StatusCode);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                response.EnsureSuccessStatusCode();
                return;
            }
        }

        using var legacy = await Server.Api.PostAsync("Users/" + userId + "/Items/" + itemId + "/Rating?likes=true", null);
        Output.WriteLine("POST /Users/{userId}/Items/{id}/Rating: " + (int)legacy.StatusCode);
        legacy.EnsureSuccessStatusCode();
    }

    private Task RunSyncTaskAsync() => JellyfinTasks.RunAsync(Server, "ApertureSyncTraktRatings");
}
