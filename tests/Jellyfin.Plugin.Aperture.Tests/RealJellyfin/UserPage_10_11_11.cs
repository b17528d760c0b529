using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>The user page checks on Jellyfin 10.11.11, with a server of its own.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class UserPage_10_11_11 : UserPageTests<UserPage_10_11_11.Server>, IClassFixture<UserPage_10_11_11.Server>
{
    public UserPage_10_11_11(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
        : base(fixture, chromium, output)
    {
    }

    public sealed class Server : JellyfinServerFixture
    {
        public Server()
            : base("10.11.11")
        {
        }
    }
}
