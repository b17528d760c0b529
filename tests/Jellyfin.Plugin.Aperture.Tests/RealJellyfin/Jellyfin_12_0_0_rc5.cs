using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>The real-Jellyfin checks on Jellyfin 12.0.0-rc5 (net10.0), the next major release.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "RealJellyfin")]
public sealed class Jellyfin_12_0_0_rc5 : RealJellyfinTests<Jellyfin_12_0_0_rc5.Server>, IClassFixture<Jellyfin_12_0_0_rc5.Server>
{
    public Jellyfin_12_0_0_rc5(Server fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
