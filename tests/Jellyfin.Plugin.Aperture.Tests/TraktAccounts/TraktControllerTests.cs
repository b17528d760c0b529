using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Tests.Fakes;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Common.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktAccounts;

public sealed class TraktControllerTests : IAsyncLifetime
{
    private readonly TraktAccountHost _h = new();
    private readonly User _alice = new("alice", "Default", "Default");
    private readonly User _bob = new("bob", "Default", "Default");

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task AUserEndpointActsOnlyForTheSignedInUser()
    {
        var bobToken = await _h.LinkAsync(_bob.Id);
        var asAlice = UserApi(_alice.Id);

        // Alice sees her own state, not Bob's.
        var status = Value<TraktLinkView>(asAlice.GetStatus().Result);
        Assert.Equal(_alice.Id, status.UserId);
        Assert.Equal("NotLinked", status.State);

        // Alice's link and unlink touch only Alice.
        var start = Value<TraktLinkResultView>((await asAlice.StartLink(CancellationToken.None)).Result);
        Assert.Equal("Started", start.Status);
        Assert.NotNull(start.Pending);
        var unlink = Value<TraktUnlinkView>((await asAlice.Unlink(CancellationToken.None)).Result);
        Assert.False(unlink.WasLinked);
        Assert.Equal(TraktLinkState.Linked, _h.Status.Get(_bob.Id).State);
        Assert.True(_h.Trakt.IsAccessTokenValid(bobToken));
        Assert.Equal(0, _h.Calls("/oauth/revoke"));

        // Bob, signed in, sees and unlinks his own.
        var asBob = UserApi(_bob.Id);
        Assert.Equal("Linked", Value<TraktLinkView>(asBob.GetStatus().Result).State);
        Assert.True(Value<TraktUnlinkView>((await asBob.Unlink(CancellationToken.None)).Result).Revoked);
        Assert.False(_h.Trakt.IsAccessTokenValid(bobToken));
    }

    [Fact]
    public void NoUserEndpointTakesAUserIdFromTheRequest()
    {
        var actions = typeof(UserTraktController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.NotEmpty(actions);
        Assert.All(actions.SelectMany(a => a.GetParameters()), p => Assert.Equal(typeof(CancellationToken), p.ParameterType));

        // Any signed-in user (Jellyfin's default policy); the admin API needs elevation.
        var userPolicy = typeof(UserTraktController).GetCustomAttribute<AuthorizeAttribute>();
        Assert.NotNull(userPolicy);
        Assert.Null(userPolicy.Policy);
        Assert.Equal(Policies.RequiresElevation, typeof(TraktAccountsController).GetCustomAttribute<AuthorizeAttribute>()!.Policy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task ARequestWithoutAUserIsRefused(string? claim)
    {
        var api = Api(claim is null ? new ClaimsPrincipal(new ClaimsIdentity()) : Principal(claim));

        Assert.Equal(StatusCodes.Status403Forbidden, ((ObjectResult)api.GetStatus().Result!).StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, ((ObjectResult)(await api.StartLink(CancellationToken.None)).Result!).StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, ((ObjectResult)(await api.PollLink(CancellationToken.None)).Result!).StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, ((ObjectResult)(await api.Unlink(CancellationToken.None)).Result!).StatusCode);
        Assert.Equal(0, _h.Trakt.RequestCount);
    }

    [Fact]
    public async Task ThePollEndpointReportsEachStepOfTheLink()
    {
        var api = UserApi(_alice.Id);
        await api.StartLink(CancellationToken.None);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("Pending", Value<TraktLinkResultView>((await api.PollLink(CancellationToken.None)).Result).Status);

        _h.Trakt.ApproveDeviceCode();
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("Linked", Value<TraktLinkResultView>((await api.PollLink(CancellationToken.None)).Result).Status);
        Assert.Equal("Linked", Value<TraktLinkView>(api.GetStatus().Result).State);
    }

    [Fact]
    public async Task TheAdminListsEveryUsersLinkStateAndCanUnlinkOne()
    {
        await _h.LinkAsync(_bob.Id);
        await _h.Link.StartAsync(_alice.Id, CancellationToken.None);
        var admin = new TraktAccountsController(_h.Status, _h.Unlink, new Users(_alice, _bob), NullLogger<TraktAccountsController>.Instance, _h.Host.Get<TraktSyncLog>());

        var list = Value<IReadOnlyList<TraktLinkView>>(admin.GetUsers().Result);
        Assert.Equal(("alice", "Pending"), list.Where(v => v.UserId == _alice.Id).Select(v => (v.UserName, v.State)).Single());
        Assert.All(list, v => Assert.Null(v.Pending));
        Assert.Equal(("bob", "Linked"), list.Where(v => v.UserId == _bob.Id).Select(v => (v.UserName, v.State)).Single());

        var unlink = Value<TraktUnlinkView>((await admin.Unlink(_bob.Id, CancellationToken.None)).Result);
        Assert.True(unlink.Revoked);
        Assert.Equal(TraktLinkState.NotLinked, _h.Status.Get(_bob.Id).State);
    }

    private static T Value<T>(ActionResult? result) => Assert.IsAssignableFrom<T>(Assert.IsType<OkObjectResult>(result).Value);

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim("Jellyfin-UserId", userId)], "Custom"));

    private UserTraktController UserApi(Guid userId) => Api(Principal(userId.ToString()));

    private UserTraktController Api(ClaimsPrincipal principal) => new(_h.Status, _h.Link, _h.Unlink, _h.Host.Get<TraktSyncLog>(), _h.Host.Get<Jellyfin.Plugin.Aperture.Health.AlertStore>())
    {
        ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext { User = principal } },
    };

    private sealed class Users(params User[] users) : UserManagerStub
    {
        public IEnumerable<User> GetUsers() => users;
    }
}
