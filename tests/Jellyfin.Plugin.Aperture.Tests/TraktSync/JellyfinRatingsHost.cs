using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Data.Enums;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.Tests.Fakes;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// The rating sync wired to Jellyfin's side as the plugin wires it: real Movie and Series items, a user, and a user
/// data manager that keeps data in memory and raises <c>UserDataSaved</c> inside <c>SaveUserData</c>, as Jellyfin
/// does; the real pipeline and database against the Trakt emulator, with the user linked through the device flow.
/// </summary>
public sealed class JellyfinRatingsHost : IAsyncLifetime
{
    private readonly ClockPump _pump = new();
    private readonly Dictionary<(Guid User, Guid Item), UserItemData> _data = [];
    private readonly List<BaseItem> _items = [];
    private TraktEmulator? _trakt;
    private TestHost? _host;

    public JellyfinRatingsHost()
    {
        Library.Setup(l => l.GetItemList(It.IsAny<InternalItemsQuery>())).Returns(() => _items.ToList());
        Library.Setup(l => l.GetItemById(It.IsAny<Guid>())).Returns((Guid id) => _items.FirstOrDefault(i => i.Id == id));
        UserData.Setup(u => u.GetUserData(It.IsAny<User>(), It.IsAny<BaseItem>()))
            .Returns((User user, BaseItem item) => Copy(_data.TryGetValue((user.Id, item.Id), out var d) ? d : new UserItemData { Key = item.Id.ToString("N") }));
        UserData.Setup(u => u.SaveUserData(It.IsAny<User>(), It.IsAny<BaseItem>(), It.IsAny<UserItemData>(), It.IsAny<UserDataSaveReason>(), It.IsAny<CancellationToken>()))
            .Callback((User user, BaseItem item, UserItemData data, UserDataSaveReason reason, CancellationToken _) =>
            {
                _data[(user.Id, item.Id)] = Copy(data);
                Saves.Add(reason);
                UserData.Raise(u => u.UserDataSaved += null, UserData.Object, new UserDataSaveEventArgs { UserId = user.Id, Item = item, UserData = data, SaveReason = reason });
            });
    }

    public User Alice { get; } = new("alice", "Default", "Default");

    public Mock<ILibraryManager> Library { get; } = new();

    public Mock<IUserDataManager> UserData { get; } = new();

    public Mock<IRatingsSyncLauncher> Launcher { get; } = new();

    public List<UserDataSaveReason> Saves { get; } = [];

    public TraktEmulator Trakt => _trakt ?? throw new InvalidOperationException("Not started.");

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public UserRatingListener Listener { get; private set; } = null!;

    public LocalRatingTimes Times => Host.Get<LocalRatingTimes>();

    public string AccessToken { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _trakt = await TraktEmulator.StartAsync();
        _host = new TestHost(configure: services =>
        {
            services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
            _pump.Watch(services);
            services.AddSingleton<OwnRatingWrites>();
            services.AddSingleton<IUserRatingsLibrary>(sp => new JellyfinUserRatings(Library.Object, new Users(Alice), UserData.Object, sp.GetRequiredService<OwnRatingWrites>(), NullLogger<JellyfinUserRatings>.Instance));
            services.AddSingleton(Launcher.Object);
            services.AddSingleton<RatingsSyncRunner>();
            services.AddSingleton<RatingsSyncDebouncer>();
        });
        _trakt.Clock = _host.Time;
        Assert.Null(_host.Get<IntegrationSettingsService>().Update(new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = _trakt.BaseUrl.AbsoluteUri }));
        _host.Get<CredentialStore>().Set(IntegrationIds.Trakt, new IntegrationCredentials(new Dictionary<string, string>
        {
            ["clientId"] = _trakt.ValidKey,
            ["clientSecret"] = _trakt.ClientSecret,
        }));
        Listener = new UserRatingListener(UserData.Object, Times, _host.Get<OwnRatingWrites>(), _host.Get<TraktAccountStore>(), _host.Get<RatingsSyncDebouncer>(), _host.Time, _host.Get<ILogger<UserRatingListener>>());
        await Listener.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Listener.StopAsync(CancellationToken.None);
        _host?.Dispose();
        if (_trakt is not null)
        {
            await _trakt.DisposeAsync();
        }
    }

    /// <summary>Links Alice to the emulator through the device flow, the code approved at once.</summary>
    /// <returns>A task.</returns>
    public async Task LinkAliceAsync()
    {
        Trakt.AutoApproveDeviceCodes = true;
        var link = Host.Get<TraktDeviceLink>();
        var start = await link.StartAsync(Alice.Id, CancellationToken.None);
        Assert.True(start.Started, start.Message);
        Host.Time.Advance(start.Pending!.Code.Interval);
        Assert.Equal(TraktLinkPollStatus.Linked, (await link.PollAsync(Alice.Id, CancellationToken.None)).Status);
        AccessToken = Host.Get<TraktAccountStore>().Get(Alice.Id)!.Tokens!.AccessToken;
    }

    public Movie AddMovie(string name, long tmdb, string imdb)
    {
        var movie = new Movie { Id = Guid.NewGuid(), Name = name };
        movie.SetProviderId(MetadataProvider.Tmdb, tmdb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        movie.SetProviderId(MetadataProvider.Imdb, imdb);
        _items.Add(movie);
        return movie;
    }

    public Series AddSeries(string name, long tvdb)
    {
        var series = new Series { Id = Guid.NewGuid(), Name = name };
        series.SetProviderId(MetadataProvider.Tvdb, tvdb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _items.Add(series);
        return series;
    }

    /// <summary>Rates an item as a Jellyfin client would: through SaveUserData with UpdateUserRating.</summary>
    /// <param name="item">The item.</param>
    /// <param name="rating">The rating, or null to clear it.</param>
    /// <param name="likes">A like instead of a rating.</param>
    public void RateInJellyfin(BaseItem item, double? rating, bool? likes = null)
    {
        var data = UserData.Object.GetUserData(Alice, item)!;
        data.Rating = rating;
        if (likes is not null)
        {
            data.Likes = likes;
        }

        UserData.Object.SaveUserData(Alice, item, data, UserDataSaveReason.UpdateUserRating, CancellationToken.None);
    }

    public double? RatingInJellyfin(BaseItem item) => _data.TryGetValue((Alice.Id, item.Id), out var d) ? d.Rating : null;

    public Task<IReadOnlyDictionary<Guid, RatingsSyncResult>> RunTaskAsync()
        => _pump.RunAsync(Host.Time, Host.Get<RatingsSyncRunner>().RunAllAsync(null, CancellationToken.None));

    private static UserItemData Copy(UserItemData d) => new() { Key = d.Key, Rating = d.Rating, Played = d.Played, IsFavorite = d.IsFavorite };

    /// <summary>Shaped like Jellyfin 10.11.9+: users listed by GetUsers().</summary>
    private sealed class Users(params User[] users) : UserManagerStub
    {
        public IEnumerable<User> GetUsers() => users;
    }
}
