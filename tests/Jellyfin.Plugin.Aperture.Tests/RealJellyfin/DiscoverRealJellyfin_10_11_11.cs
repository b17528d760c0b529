using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>Discover on Jellyfin 10.11.11, with a server of its own.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class DiscoverRealJellyfin_10_11_11 : DiscoverRealJellyfinTests<DiscoverRealJellyfin_10_11_11.Server>, IClassFixture<DiscoverRealJellyfin_10_11_11.Server>
{
    public DiscoverRealJellyfin_10_11_11(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
