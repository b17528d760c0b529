using System;
using System.Linq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

public class JellyfinReferenceReaderTests
{
    [Fact]
    public void ListsTypesGenericMethodInstantiationsMembersOfGenericTypesAndStaticFields()
    {
        using var fabricated = new FabricatedPlugin();

        var references = JellyfinReferenceReader.ReadReferences(fabricated.Path).Select(r => r.ToString()).ToList();

        Assert.Contains("[MediaBrowser.Controller] type MediaBrowser.Controller.Providers.IHasOrder", references);
        Assert.Contains("[MediaBrowser.Common] type MediaBrowser.Common.Plugins.BasePlugin<!0>", references);
        Assert.Contains("[MediaBrowser.Model] MediaBrowser.Model.Tasks.ITaskManager::QueueIfNotRunning<!!0>() : System.Void", references);
        Assert.Contains("[MediaBrowser.Common] MediaBrowser.Common.Plugins.BasePlugin<!0>::get_Configuration() : !0", references);
        Assert.Contains("[MediaBrowser.Common] static MediaBrowser.Common.Net.NetworkConstants::IPv4Any : Microsoft.AspNetCore.HttpOverrides.IPNetwork", references);
    }

    [Fact]
    public void ListsNoReferenceIntoOtherAssemblies()
    {
        using var fabricated = new FabricatedPlugin();

        var references = JellyfinReferenceReader.ReadReferences(fabricated.Path);

        Assert.All(references, r => Assert.True(JellyfinReferenceReader.IsJellyfinAssemblyName(r.Assembly), r.ToString()));
        Assert.DoesNotContain(references, r => r.TypeName.Contains("EnrichLibraryTask", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsThePluginsReferencesWithTheVersionTheyBindTo()
    {
        var references = JellyfinReferenceReader.ReadReferences(JellyfinInstallations.PluginPath);

        Assert.Contains(references, r => r.Kind == JellyfinReferenceKind.Type);
        Assert.Contains(references, r => r.Kind == JellyfinReferenceKind.Method);
        Assert.All(references, r => Assert.Equal(JellyfinReference.CompileTimeVersion, r.AssemblyVersion));
    }
}
