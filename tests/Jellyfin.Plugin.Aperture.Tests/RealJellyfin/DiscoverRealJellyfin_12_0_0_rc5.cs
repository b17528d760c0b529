using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>Discover on Jellyfin 12.0.0-rc5, with a server of its own.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class DiscoverRealJellyfin_12_0_0_rc5 : DiscoverRealJellyfinTests<DiscoverRealJellyfin_12_0_0_rc5.Server>, IClassFixture<DiscoverRealJellyfin_12_0_0_rc5.Server>
{
    public DiscoverRealJellyfin_12_0_0_rc5(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
