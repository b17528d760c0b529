using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// The browser tests run alone: the dev host sets process-wide statics (Plugin.Instance, BaseItem.LibraryManager)
/// exactly as Jellyfin does, so nothing else may create a Plugin while they run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
