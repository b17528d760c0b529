using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Aperture.Emulators.Catalog;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

public sealed class SeerrRequestRefreshTests : IAsyncLifetime
{
    private const long Arrives = 550;
    private const long Waits = 680;
    private readonly SeerrHost _host = new();
    private readonly Guid _carol = Guid.NewGuid();
    private readonly List<UserRatedItem> _library = [];

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AnOpenRequestIsDoneWhenItsTitleIsInTheLibrary_AndTheOthersGetSeerrsStatus_KeptWhenSeerrFails()
    {
        _host.Seerr.AddUser("carol", null, _carol.ToString("N"), SeerrPermissions.Request);
        var requests = _host.Host.Get<DiscoverRequests>();
        Assert.Equal(DiscoverRequestStatus.Requested, (await _host.RunAsync(requests.RequestAsync(_carol, "carol", true, Arrives, null, "Arrives", CancellationToken.None))).Status);
        Assert.Equal(DiscoverRequestStatus.Requested, (await _host.RunAsync(requests.RequestAsync(_carol, "carol", true, Waits, null, "Waits", CancellationToken.None))).Status);
        _library.Add(new UserRatedItem(Guid.NewGuid(), RatingKind.Movie, new TraktIds(null, null, Arrives), null));
        _host.Seerr.SetMediaStatus(MediaKind.Movie, (int)Waits, 3);
        var refresh = new SeerrRequestRefresh(_host.Host.Get<SeerrRequestLog>(), _host.Host.Get<SeerrClient>(), new Library(_library), _host.Host.Time, NullLogger<SeerrRequestRefresh>.Instance);

        Assert.Equal(1, await _host.RunAsync(refresh.RunAsync(null, CancellationToken.None)));

        var log = _host.Host.Get<SeerrRequestLog>();
        var byTitle = log.List(_carol).ToDictionary(r => r.Title);
        Assert.NotNull(byTitle["Arrives"].DoneAt);
        Assert.Null(byTitle["Waits"].DoneAt);
        Assert.Equal(nameof(SeerrAvailability.Processing), byTitle["Waits"].Status);
        Assert.Equal(["Waits"], log.List(null).Select(r => r.Title));

        _host.Seerr.Mode = FaultMode.Outage;
        await _host.RunAsync(refresh.RunAsync(null, CancellationToken.None));
        Assert.Equal(nameof(SeerrAvailability.Processing), log.List(_carol).Single(r => r.Title == "Waits").Status);
    }

    private sealed class Library(List<UserRatedItem> items) : IUserRatingsLibrary
    {
        public IReadOnlyList<UserRatedItem> Read(Guid userId) => items.ToList();

        public bool Apply(Guid userId, Guid itemId, int? value, CancellationToken cancellationToken) => false;
    }
}
