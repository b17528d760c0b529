using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>MDBList Top Picks on Jellyfin 10.11.11.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class TopPicksRealJellyfin_10_11_11 : TopPicksRealJellyfinTests<TopPicksRealJellyfin_10_11_11.Server>, IClassFixture<TopPicksRealJellyfin_10_11_11.Server>
{
    public TopPicksRealJellyfin_10_11_11(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
