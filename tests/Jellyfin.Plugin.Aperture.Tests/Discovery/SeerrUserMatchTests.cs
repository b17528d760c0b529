using System;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

public sealed class SeerrUserMatchTests
{
    private static readonly Guid _carol = Guid.Parse("6f0c2b1e-4c1d-4a55-9d3e-0a1b2c3d4e5f");

    [Fact]
    public void TheJellyfinIdSeerrStoresWinsOverANameThatMatchesSomeoneElse()
    {
        var byName = new SeerrUser(4, null, "other@example.com", "carol", null, null, 32);
        var byId = new SeerrUser(7, _carol.ToString("N"), "c@example.com", "caroline", "caroline", null, 32);

        var match = SeerrUserMatch.Find(_carol, "carol", [byName, byId], null);

        Assert.Equal(7, match.User!.Id);
        Assert.Equal(SeerrMatchMethod.JellyfinId, match.Method);
    }

    [Fact]
    public void WithoutAStoredIdTheEmailThenTheUserNameMatch()
    {
        var byEmail = new SeerrUser(5, null, "Carol", "someone", null, null, 32);
        var byUsername = new SeerrUser(6, null, "x@example.com", "carol", null, null, 32);

        Assert.Equal(5, SeerrUserMatch.Find(_carol, "carol", [byUsername, byEmail], null).User!.Id);
        var second = SeerrUserMatch.Find(_carol, "carol", [byUsername], null);
        Assert.Equal(6, second.User!.Id);
        Assert.Equal(SeerrMatchMethod.Username, second.Method);
    }

    [Fact]
    public void TwoUsersWithTheSameNameMatchNobody_SoNoRequestGoesToAGuess()
    {
        var one = new SeerrUser(5, null, null, "carol", null, null, 32);
        var two = new SeerrUser(6, null, null, null, "Carol", null, 32);

        var match = SeerrUserMatch.Find(_carol, "carol", [one, two], null);

        Assert.Null(match.User);
        Assert.Equal(SeerrMatchMethod.None, match.Method);
    }

    [Fact]
    public void TheAdminsChoiceOverridesTheMatch_AndZeroMeansNoSeerrAccount()
    {
        var byId = new SeerrUser(7, _carol.ToString("N"), null, "carol", null, null, 32);
        var other = new SeerrUser(9, null, null, "shared", null, null, 32);

        Assert.Equal(9, SeerrUserMatch.Find(_carol, "carol", [byId, other], 9).User!.Id);
        var disabled = SeerrUserMatch.Find(_carol, "carol", [byId, other], 0);
        Assert.Null(disabled.User);
        Assert.Equal(SeerrMatchMethod.Disabled, disabled.Method);
    }
}
