using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>The real-Jellyfin checks on Jellyfin 10.11.11, the newest 10.11 release here.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class Jellyfin_10_11_11 : RealJellyfinTests<Jellyfin_10_11_11.Server>, IClassFixture<Jellyfin_10_11_11.Server>
{
    public Jellyfin_10_11_11(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
