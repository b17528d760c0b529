using System.Linq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// IUserManager's user list is the one member the plugin needs that changed inside 10.11: a <c>Users</c> property in
/// 10.11.0, a <c>GetUsers()</c> method on later servers. These tests prove from the real assemblies that neither can be
/// called directly on every 10.11 server, which is why <c>Library/UserManagerCompat.cs</c> exists and reaches the list
/// by reflection, and that the plugin calls neither member itself.
/// </summary>
public class UserListCompatibilityTests
{
    private const string Controller = "MediaBrowser.Controller";
    private const string UserManager = "MediaBrowser.Controller.Library.IUserManager";
    private const string ListOfUsers = "() : System.Collections.Generic.IEnumerable<Jellyfin.Database.Implementations.Entities.User>";

    private static readonly JellyfinReference UsersProperty = JellyfinReference.ToMethod(Controller, UserManager, "get_Users", ListOfUsers);
    private static readonly JellyfinReference GetUsersMethod = JellyfinReference.ToMethod(Controller, UserManager, "GetUsers", ListOfUsers);

    public static TheoryData<string> Servers => JellyfinInstallations.ServerVersions;

    public static TheoryData<string> Newest1011 => JellyfinInstallations.Newest1011Version;

    [Fact]
    public void ThePackagesThePluginCompilesAgainstHaveTheUsersPropertyButNoGetUsersMethod()
    {
        using var packages = JellyfinInstallations.OpenCompileTimePackages();

        var report = ReferenceResolver.Check([UsersProperty, GetUsersMethod], packages, "IUserManager user lists");

        Assert.Equal(GetUsersMethod.ToString(), Assert.Single(report.Misses).Signature);
    }

    [SkippableTheory]
    [MemberData(nameof(Newest1011))]
    public void TheNewest1011ServerHasGetUsersButNotTheUsersPropertyThePackagesHave(string version)
    {
        using var server = JellyfinInstallations.OpenServer(version);

        var report = ReferenceResolver.Check([UsersProperty, GetUsersMethod], server, "IUserManager user lists");

        // Compiled against 10.11.0, `userManager.Users` throws MissingMethodException on this server.
        Assert.Equal(UsersProperty.ToString(), Assert.Single(report.Misses).Signature);
    }

    [SkippableTheory]
    [MemberData(nameof(Servers))]
    public void TheServerHasOneOfTheTwoMembersUserManagerCompatLooksFor(string version)
    {
        using var server = JellyfinInstallations.OpenServer(version);

        var report = ReferenceResolver.Check([UsersProperty, GetUsersMethod], server, "IUserManager user lists");

        Assert.True(report.Misses.Count == 1, report.ToString());
    }

    [Fact]
    public void ThePluginCallsNeitherMemberDirectly()
    {
        var direct = JellyfinReferenceReader.ReadReferences(JellyfinInstallations.PluginPath)
            .Where(r => r.TypeName == UserManager && r.MemberName is "get_Users" or "GetUsers")
            .ToList();

        Assert.True(direct.Count == 0, "Reach IUserManager's user list through UserManagerCompat.GetUsers: " + string.Join(", ", direct));
    }
}
