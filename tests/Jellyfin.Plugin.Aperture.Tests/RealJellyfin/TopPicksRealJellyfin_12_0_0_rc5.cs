using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>MDBList Top Picks on Jellyfin 12.0.0-rc5.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class TopPicksRealJellyfin_12_0_0_rc5 : TopPicksRealJellyfinTests<TopPicksRealJellyfin_12_0_0_rc5.Server>, IClassFixture<TopPicksRealJellyfin_12_0_0_rc5.Server>
{
    public TopPicksRealJellyfin_12_0_0_rc5(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
