using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// The real-Jellyfin tests share one headless Chromium and run one server at a time: every version's server listens
/// on Jellyfin's default port inside the test run's own network namespace, and two cores do not carry two servers,
/// two browsers and the rest of the suite at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Real Jellyfin";
}
