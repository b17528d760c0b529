using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>The user page checks on Jellyfin 12.0.0-rc5, with a server of its own.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class UserPage_12_0_0_rc5 : UserPageTests<UserPage_12_0_0_rc5.Server>, IClassFixture<UserPage_12_0_0_rc5.Server>
{
    public UserPage_12_0_0_rc5(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
        : base(fixture, chromium, output)
    {
    }

    public sealed class Server : JellyfinServerFixture
    {
        public Server()
            : base("12.0.0-rc5")
        {
        }
    }
}
