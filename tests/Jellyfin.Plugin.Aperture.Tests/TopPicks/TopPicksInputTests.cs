using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.TopPicks;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>What an admin types or pastes: list addresses, and settings the API refuses whole with the reason.</summary>
public sealed class TopPicksInputTests : IAsyncLifetime
{
    private MdbListEmulator _mdbList = null!;
    private TopPicksHost _host = null!;
    private TopPicksController _controller = null!;

    public async Task InitializeAsync()
    {
        _mdbList = await MdbListEmulator.StartAsync();
        _host = new TopPicksHost(_mdbList);
        _controller = new TopPicksController(
            _host.Get<TopPicksStore>(),
            _host.Get<MdbListListsClient>(),
            _host.Get<TopPicksSync>(),
            new NoLauncher(),
            _host.Get<MissingTitleStore>(),
            _host.Time);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _mdbList.DisposeAsync();
    }

    [Theory]
    [InlineData("12345", "lists/12345")]
    [InlineData(" 12345 ", "lists/12345")]
    [InlineData("https://mdblist.com/lists/12345", "lists/12345")]
    [InlineData("https://mdblist.com/lists/garycrawfordgc/latest-tv-shows", "lists/garycrawfordgc/latest-tv-shows")]
    [InlineData("https://mdblist.com/lists/garycrawfordgc/latest-tv-shows/", "lists/garycrawfordgc/latest-tv-shows")]
    [InlineData("garycrawfordgc/latest-tv-shows", "lists/garycrawfordgc/latest-tv-shows")]
    [InlineData("https://example.com/lists/12345", null)]
    [InlineData("https://mdblist.com/movie/tt0133093", null)]
    [InlineData("top movies", null)]
    [InlineData("../../user", null)]
    [InlineData("", null)]
    public void APastedListAddressBecomesTheApiPathOrNothing(string pasted, string? path) =>
        Assert.Equal(path, MdbListListReference.ToPath(pasted));

    [Fact]
    public async Task ListsAreFoundAsOwnTopSearchAndByAddressThroughTheApi()
    {
        _mdbList.SetList(1, "Mine", "demo", "movie", [], likes: 1);
        _mdbList.SetList(2, "Popular Movies", "curator", "movie", [], likes: 50);
        _mdbList.SetList(3, "Popular Shows", "curator", "show", [], likes: 90);

        Assert.Equal(["Mine"], Names(await _controller.FindLists("own", "movie", null, default)));
        Assert.Equal(["Popular Movies", "Mine"], Names(await _controller.FindLists("top", "movie", null, default)));
        Assert.Equal(["Popular Shows"], Names(await _controller.FindLists("search", "show", "popular", default)));
        var found = Assert.IsType<OkObjectResult>((await _controller.FindList("https://mdblist.com/lists/curator/popular-shows", default)).Result);
        Assert.Equal("3", Assert.IsType<MdbListList>(found.Value).Id);
        Assert.IsType<BadRequestObjectResult>((await _controller.FindList("https://example.com/x", default)).Result);
        Assert.IsType<BadRequestObjectResult>((await _controller.FindLists("everything", "movie", null, default)).Result);
        Assert.IsType<BadRequestObjectResult>((await _controller.FindLists("search", "movie", "a", default)).Result);
    }

    [Fact]
    public async Task WithoutAnMdbListKeyFindingAndPreviewingSaySoAndAskNothing()
    {
        _host.Get<Jellyfin.Plugin.Aperture.Secrets.CredentialStore>().Clear(Jellyfin.Plugin.Aperture.Integrations.IntegrationIds.MdbList);
        var before = _mdbList.RequestCount;

        var find = Assert.IsType<BadRequestObjectResult>((await _controller.FindLists("top", "movie", null, default)).Result);
        var preview = Assert.IsType<BadRequestObjectResult>((await _controller.Preview(new TopPicksListRequest { ListId = "1", Kind = "movie", Name = "A" }, default)).Result);

        Assert.Contains("API key", Assert.IsType<ErrorView>(find.Value).Message, StringComparison.Ordinal);
        Assert.Contains("API key", Assert.IsType<ErrorView>(preview.Value).Message, StringComparison.Ordinal);
        Assert.Equal(before, _mdbList.RequestCount);
    }

    [Theory]
    [InlineData("abc", "movie", "Name", null, null, 10, "Top Picks: {list}", "not an MDBList list id")]
    [InlineData("1", "episode", "Name", null, null, 10, "Top Picks: {list}", "\"movie\" or \"show\"")]
    [InlineData("1", "movie", "", null, null, 10, "Top Picks: {list}", "name must be")]
    [InlineData("1", "movie", "Name", "random", null, 10, "Top Picks: {list}", "not an MDBList sort")]
    [InlineData("1", "movie", "Name", null, "Action & Adventure", 10, "Top Picks: {list}", "genre slug")]
    [InlineData("1", "movie", "Name", null, null, 0, "Top Picks: {list}", "between 1 and 1000")]
    [InlineData("1", "movie", "Name", null, null, 5000, "Top Picks: {list}", "between 1 and 1000")]
    [InlineData("1", "movie", "Name", null, null, 10, "Top Picks", "must contain {list}")]
    public void BadSettingsAreRefusedWithTheReasonAndTheSavedOnesStay(string id, string kind, string name, string? sort, string? genre, int max, string pattern, string reason)
    {
        var good = new TopPicksListRequest { ListId = "7", Kind = "movie", Name = "Kept", MaxItems = 10 };
        Assert.IsType<OkObjectResult>(_controller.Save(new TopPicksSettingsRequest { Lists = { good } }).Result);

        var result = _controller.Save(new TopPicksSettingsRequest
        {
            NamePattern = pattern,
            Lists = { new TopPicksListRequest { ListId = id, Kind = kind, Name = name, Sort = sort, Genre = genre, MaxItems = max } },
        });

        var refused = Assert.IsType<BadRequestObjectResult>(result.Result);
        Assert.Contains(reason, Assert.IsType<ErrorView>(refused.Value).Message, StringComparison.Ordinal);
        Assert.Equal(["Kept"], _host.Get<TopPicksStore>().ListChoices().Select(c => c.Name));
        Assert.Equal(TopPicksStore.DefaultNamePattern, _host.Get<TopPicksStore>().GetNamePattern());
    }

    [Fact]
    public void TheSameListTwiceIsRefused()
    {
        var result = _controller.Save(new TopPicksSettingsRequest
        {
            Lists =
            {
                new TopPicksListRequest { ListId = "7", Kind = "movie", Name = "A" },
                new TopPicksListRequest { ListId = "7", Kind = "show", Name = "A" },
            },
        });

        Assert.IsType<BadRequestObjectResult>(result.Result);
        Assert.Empty(_host.Get<TopPicksStore>().ListChoices());
    }

    [Fact]
    public void AListNoLongerChosenLeavesNoMissingTitlesForDiscovery()
    {
        _host.Get<MissingTitleStore>().Replace(MissingTitleSources.MdbList, "7", null, [new MissingTitle("movie", "Heat", 1995, "tt0113277", 949, null, 1)], _host.Time.GetUtcNow());
        _controller.Save(new TopPicksSettingsRequest { Lists = { new TopPicksListRequest { ListId = "7", Kind = "movie", Name = "A" } } });

        _controller.Save(new TopPicksSettingsRequest());

        Assert.Empty(_host.Get<MissingTitleStore>().List(null, MissingTitleSources.MdbList));
    }

    private static string[] Names(ActionResult<System.Collections.Generic.IReadOnlyList<MdbListList>> result) =>
        Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyList<MdbListList>>(Assert.IsType<OkObjectResult>(result.Result).Value).Select(l => l.Name).ToArray();

    private sealed class NoLauncher : ITopPicksLauncher
    {
        public void QueueRun()
        {
        }
    }
}
