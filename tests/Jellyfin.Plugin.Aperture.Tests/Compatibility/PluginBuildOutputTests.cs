using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>How the plugin is built: against the lowest supported Jellyfin, without shipping any of Jellyfin's assemblies.</summary>
public class PluginBuildOutputTests
{
    [Fact]
    public void PluginReferencesJellyfinAssembliesAtTheLowestSupportedVersion()
    {
        // The runtime binds a reference to an assembly of that version or newer, so 10.11.0.0 loads on every 10.11 and 12.0.
        var refs = JellyfinReferenceReader.ReadJellyfinAssemblyReferences(JellyfinInstallations.PluginPath);

        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.True(r.Version == JellyfinReference.CompileTimeVersion, $"{r.Name} is referenced at {r.Version}, expected 10.11.0.0"));
    }

    [Fact]
    public void PluginOutputFolderShipsNoJellyfinAssembly()
    {
        // A copy in the plugin folder would be loaded instead of the server's: the plugin is listed Active yet registers nothing.
        var dir = RepoPaths.PluginOutputDirectory;
        Assert.True(Directory.Exists(dir), "Plugin output folder not found: " + dir);
        Assert.True(File.Exists(Path.Combine(dir, "Jellyfin.Plugin.Aperture.dll")), "Plugin DLL not found in " + dir);

        var shipped = Directory.EnumerateFiles(dir, "*.dll")
            .Select(Path.GetFileName)
            .Where(n => JellyfinReferenceReader.IsJellyfinAssemblyName(n!) && n != "Jellyfin.Plugin.Aperture.dll")
            .ToList();

        Assert.True(shipped.Count == 0, "Jellyfin assemblies in the plugin output: " + string.Join(", ", shipped));
    }

    [Fact]
    public void EveryJellyfinInterfaceThePluginImplementsIsFullyImplementedAccordingToTheRuntime()
    {
        // The runtime's own interface map over the 10.11.0 packages loaded here; the servers' definitions are checked
        // from metadata in JellyfinServerCompatibilityTests.
        var plugin = typeof(Plugin).Assembly;
        var checkedAny = false;
        foreach (var type in plugin.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            foreach (var iface in type.GetInterfaces().Where(i => JellyfinReferenceReader.IsJellyfinAssemblyName(i.Assembly.GetName().Name!)))
            {
                checkedAny = true;
                var map = type.GetInterfaceMap(iface);
                for (var i = 0; i < map.InterfaceMethods.Length; i++)
                {
                    var target = map.TargetMethods[i];
                    Assert.True(
                        target is not null && !target.IsAbstract && (target.IsVirtual || target.IsFinal),
                        $"{type.FullName} does not implement {iface.FullName}.{map.InterfaceMethods[i].Name}");
                }
            }
        }

        Assert.True(checkedAny);
    }
}
