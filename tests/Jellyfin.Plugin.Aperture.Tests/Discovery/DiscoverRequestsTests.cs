using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Aperture.Emulators.Catalog;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

/// <summary>Requests in a user's name against the Seerr emulator, which applies Seerr's own permission rules.</summary>
public sealed class DiscoverRequestsTests : IAsyncLifetime
{
    private const long NewMovie = 550;
    private const long OtherMovie = 680;
    private const long NewSeries = 1399;
    private readonly SeerrHost _host = new();
    private readonly Guid _carol = Guid.NewGuid();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AMovieIsRequestedInTheMappedUsersName_WithTheAdminKeyActing()
    {
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);

        var result = await RequestAsync(_carol, "carol", true, NewMovie);

        Assert.Equal(DiscoverRequestStatus.Requested, result.Status);
        Assert.Contains("as carol", result.Message, StringComparison.Ordinal);
        Assert.Contains("waiting for approval", result.Message, StringComparison.Ordinal);
        var created = Assert.Single(_host.Seerr.CreatedRequests);
        Assert.Equal((seerrId, 1, "movie", (int)NewMovie), (created.UserId, created.ActingUserId, created.MediaType, created.TmdbId));
    }

    [Fact]
    public async Task ASeriesIsRequestedWithTheChosenSeasons_OrAll()
    {
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.RequestTv);

        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", false, NewSeries, [1, 2])).Status);
        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", false, 1400)).Status);

        Assert.Equal(["1,2", "all"], _host.Seerr.CreatedRequests.Select(r => r.Seasons));
        Assert.All(_host.Seerr.CreatedRequests, r => Assert.Equal(seerrId, r.UserId));
    }

    [Fact]
    public async Task TheSeasonsToChooseFromComeFromSeerr_WithoutSpecials_AndTheChosenOnesAreRecorded()
    {
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.RequestTv);
        var client = _host.Host.Get<SeerrClient>();

        var seasons = await _host.RunAsync(client.GetSeasonsAsync(1396, CancellationToken.None));
        Assert.Equal([1, 2, 3, 4, 5], seasons.Value);
        Assert.Contains(_host.Seerr.Requests, r => r.Path == "/api/v1/tv/1396");

        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", false, NewSeries, [2, 3])).Status);
        var created = Assert.Single(_host.Seerr.CreatedRequests);
        Assert.Equal((seerrId, "tv", "2,3"), (created.UserId, created.MediaType, created.Seasons));
    }

    [Fact]
    public async Task SeerrsServersProfilesAndFoldersAreRead()
    {
        var client = _host.Host.Get<SeerrClient>();

        var servers = (await _host.RunAsync(client.GetServicesAsync(true, CancellationToken.None))).Value!;
        var details = (await _host.RunAsync(client.GetServiceDetailsAsync(false, 0, CancellationToken.None))).Value!;

        Assert.Equal([new SeerrService(0, "Radarr", false, true), new SeerrService(1, "Radarr 4K", true, true)], servers);
        Assert.Equal([new SeerrProfile(4, "HD-1080p"), new SeerrProfile(6, "Any")], details.Profiles);
        Assert.Equal(["/tv", "/tv-kids"], details.RootFolders);
    }

    [Fact]
    public async Task AnAdvancedUsersChosenServerProfileAndFolderAreSent()
    {
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request | SeerrPermissions.RequestAdvanced);

        var result = await RequestAsync(_carol, "carol", true, NewMovie, options: new SeerrRequestOptions(0, 6, "/movies-kids", false));

        Assert.Equal(DiscoverRequestStatus.Requested, result.Status);
        var created = Assert.Single(_host.Seerr.CreatedRequests);
        Assert.Equal((seerrId, (int?)0, (int?)6, "/movies-kids", false), (created.UserId, created.ServerId, created.ProfileId, created.RootFolder, created.Is4k));
    }

    [Fact]
    public async Task AUserWithoutAdvancedRequestsCannotChooseAServer_AndSeerrWouldRefuseItToo()
    {
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);

        var result = await RequestAsync(_carol, "carol", true, NewMovie, options: new SeerrRequestOptions(1, null, null, false));
        Assert.Equal(DiscoverRequestStatus.NotAllowed, result.Status);
        Assert.Contains("may not choose the server", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Seerr.Requests, r => r.Method == "POST");

        // Seerr (the emulator) refuses the field for such a user as well.
        var direct = await _host.RunAsync(_host.Host.Get<SeerrClient>().CreateRequestAsync(new SeerrRequestBody(seerrId, true, NewMovie, null) { ProfileId = 6 }, CancellationToken.None));
        Assert.Equal(403, direct.StatusCode);

        // Without a choice the defaults apply: no server, profile or folder is sent.
        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", true, NewMovie, options: new SeerrRequestOptions(null, null, null, false))).Status);
        var created = Assert.Single(_host.Seerr.CreatedRequests);
        Assert.Equal(((int?)null, (int?)null, (string?)null, false), (created.ServerId, created.ProfileId, created.RootFolder, created.Is4k));
    }

    [Fact]
    public async Task FourKIsSentOnlyForAUserWithTheKindsFourKPermission()
    {
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request | SeerrPermissions.Request4kMovie);
        var four = new SeerrRequestOptions(null, null, null, true);

        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", true, NewMovie, options: four)).Status);
        var series = await RequestAsync(_carol, "carol", false, NewSeries, options: four);

        Assert.Equal(DiscoverRequestStatus.NotAllowed, series.Status);
        Assert.Contains("in 4K", series.Message, StringComparison.Ordinal);
        var created = Assert.Single(_host.Seerr.CreatedRequests);
        Assert.True(created.Is4k);

        // Seerr (the emulator) refuses 4K for a user without it.
        var direct = await _host.RunAsync(_host.Host.Get<SeerrClient>().CreateRequestAsync(new SeerrRequestBody(seerrId, false, NewSeries, null) { Is4k = true }, CancellationToken.None));
        Assert.Equal(403, direct.StatusCode);
    }

    [Fact]
    public async Task AUserWithoutTheMoviePermissionIsToldWhy_AndSeerrIsNotAsked()
    {
        _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.RequestTv);

        var result = await RequestAsync(_carol, "carol", true, NewMovie);

        Assert.Equal(DiscoverRequestStatus.NotAllowed, result.Status);
        Assert.Contains("may not request movies", result.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Seerr.CreatedRequests);
        Assert.DoesNotContain(_host.Seerr.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task ASpentQuotaStopsTheNextRequest()
    {
        _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request, movieQuotaLimit: 1);

        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", true, NewMovie)).Status);
        var second = await RequestAsync(_carol, "carol", true, OtherMovie);

        Assert.Equal(DiscoverRequestStatus.NotAllowed, second.Status);
        Assert.Contains("quota for movies is used up", second.Message, StringComparison.Ordinal);
        Assert.Single(_host.Seerr.CreatedRequests);
    }

    [Fact]
    public async Task ARequestSeerrRefusesAnywayIsExplainedInSeerrsWords()
    {
        // Aperture read the permission before Seerr's admin took it away.
        var seerrId = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);
        var client = _host.Host.Get<SeerrClient>();

        _host.Seerr.SetPermissions(seerrId, 0);
        var answer = await _host.RunAsync(client.CreateRequestAsync(new SeerrRequestBody(seerrId, true, NewMovie, null), CancellationToken.None));

        Assert.Equal(403, answer.StatusCode);
        Assert.Contains("permission to request movies", answer.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Seerr.CreatedRequests);
    }

    [Fact]
    public async Task ADuplicateIsAnsweredAlreadyRequested_ByTheStatusOrBySeerrs409()
    {
        var carolSeerr = _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);
        var dave = Guid.NewGuid();
        _host.Seerr.AddUser("dave", null, dave.ToString("N"), SeerrPermissions.Request);

        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", true, NewMovie)).Status);
        var again = await RequestAsync(dave, "dave", true, NewMovie);
        Assert.Equal(DiscoverRequestStatus.AlreadyRequested, again.Status);
        Assert.Contains("waiting for approval", again.Message, StringComparison.Ordinal);

        // Seerr's own 409 (a request made between Aperture's look and its request).
        _host.Seerr.ForgetMedia(MediaKind.Movie, (int)NewMovie);
        var raced = await RequestAsync(dave, "dave", true, NewMovie);
        Assert.Equal(DiscoverRequestStatus.AlreadyRequested, raced.Status);
        Assert.Equal(carolSeerr, Assert.Single(_host.Seerr.CreatedRequests).UserId);
    }

    [Fact]
    public async Task ABlocklistedTitleIsRefused()
    {
        _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);
        _host.Seerr.SetMediaStatus(MediaKind.Movie, (int)NewMovie, 6);

        var result = await RequestAsync(_carol, "carol", true, NewMovie);

        Assert.Equal(DiscoverRequestStatus.NotAllowed, result.Status);
        Assert.Contains("blocklist", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnmappedUserIsRefusedAndToldWhy()
    {
        var result = await RequestAsync(Guid.NewGuid(), "nobody", true, NewMovie);

        Assert.Equal(DiscoverRequestStatus.NotMapped, result.Status);
        Assert.Contains("not linked to a Seerr user", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Seerr.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task TheAdminsChoiceDecidesWhoTheRequestCountsFor()
    {
        _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);
        var family = _host.Seerr.AddUser("family", null, null, SeerrPermissions.Request);
        var choices = _host.Host.Get<SeerrUserChoices>();

        choices.Set(_carol, family);
        Assert.Equal(DiscoverRequestStatus.Requested, (await RequestAsync(_carol, "carol", true, NewMovie)).Status);
        choices.Set(_carol, 0);
        Assert.Equal(DiscoverRequestStatus.NotMapped, (await RequestAsync(_carol, "carol", true, OtherMovie)).Status);

        Assert.Equal(family, Assert.Single(_host.Seerr.CreatedRequests).UserId);
    }

    [Fact]
    public async Task WithoutSeerrSetUpTheUserIsTold()
    {
        _host.Host.Get<Jellyfin.Plugin.Aperture.Secrets.CredentialStore>().Clear(Jellyfin.Plugin.Aperture.Integrations.IntegrationIds.Seerr);

        var result = await RequestAsync(_carol, "carol", true, NewMovie);

        Assert.Equal(DiscoverRequestStatus.Unavailable, result.Status);
        Assert.Contains("not set up", result.Message, StringComparison.Ordinal);
    }

    private Task<DiscoverRequestResult> RequestAsync(Guid user, string name, bool movie, long tmdb, int[]? seasons = null, SeerrRequestOptions? options = null) =>
        _host.RunAsync(_host.Host.Get<DiscoverRequests>().RequestAsync(user, name, movie, tmdb, seasons, options, null, CancellationToken.None));
}
