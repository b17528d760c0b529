using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

public class ApiLockTests
{
    private static readonly string PluginDll = typeof(Plugin).Assembly.Location;

    [Fact]
    public void EveryJellyfinReferenceOfTheBuiltPluginIsInTheLockAndStableAcross1011()
    {
        var used = JellyfinReferenceReader.ReadReferences(PluginDll);
        var report = ApiLockChecker.Check(used, ApiLockFile.Load(RepoPaths.LockFile));

        Assert.True(report.Ok, report.ToString());
    }

    [Fact]
    public void TheLockListsOnlyMembersThePluginReallyUses()
    {
        // Rows marked "differs" document members that must NOT be referenced (e.g. IUserManager.Users); keep them.
        var used = JellyfinReferenceReader.ReadReferences(PluginDll);
        var stale = ApiLockFile.Load(RepoPaths.LockFile).Entries
            .Where(e => !e.DiffersWithin1011 && !used.Contains(e.Signature))
            .Select(e => e.Signature)
            .ToList();

        Assert.True(stale.Count == 0, "Lock rows no longer used by the plugin (remove them):" + Environment.NewLine + string.Join(Environment.NewLine, stale));
    }

    [Fact]
    public void CheckerReportsAReferenceTheLockDoesNotList()
    {
        var used = JellyfinReferenceReader.ReadReferences(PluginDll);
        var lockFile = ApiLockFile.Load(RepoPaths.LockFile);
        var dropped = used.First(u => u.Contains("::", StringComparison.Ordinal));
        var lockMissingOne = new ApiLockFile(lockFile.Entries.Where(e => e.Signature != dropped));

        var report = ApiLockChecker.Check(used, lockMissingOne);

        Assert.False(report.Ok);
        Assert.Equal(new[] { dropped }, report.Unlisted);
        Assert.Contains(dropped, report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckerReportsAUsedReferenceThatDiffersInside1011()
    {
        const string Users = "[MediaBrowser.Controller] MediaBrowser.Controller.Library.IUserManager::get_Users() : System.Collections.Generic.IEnumerable<Jellyfin.Database.Implementations.Entities.User>";
        var lockFile = ApiLockFile.Load(RepoPaths.LockFile);
        Assert.True(lockFile.BySignature[Users].DiffersWithin1011);

        var report = ApiLockChecker.Check(new[] { Users }, lockFile);

        Assert.Equal(new[] { Users }, report.DifferingWithin1011);
        Assert.Empty(report.Unlisted);
    }

    [Fact]
    public void ParserReadsBacktickedSignaturesFromMarkdownRows()
    {
        var lockFile = ApiLockFile.Parse(new[]
        {
            "Some text | not a table",
            "| Assembly | Signature | 10.11.0 | 10.11.11 | 12.0 |",
            "|---|---|---|---|---|",
            "| MediaBrowser.Model | `[MediaBrowser.Model] type MediaBrowser.Model.Plugins.PluginPageInfo` | same | same | same |",
            "| MediaBrowser.Controller | ``[MediaBrowser.Controller] A::get_B() : System.Int32`` | same | differs: method | same |",
        });

        Assert.Equal(2, lockFile.Entries.Count);
        Assert.False(lockFile.Entries[0].DiffersWithin1011);
        Assert.True(lockFile.Entries[1].DiffersWithin1011);
        Assert.Equal("[MediaBrowser.Controller] A::get_B() : System.Int32", lockFile.Entries[1].Signature);
    }

    [Fact]
    public void PluginReferencesJellyfinAssembliesAtTheLowestSupportedVersion()
    {
        var refs = JellyfinReferenceReader.ReadJellyfinAssemblyReferences(PluginDll);

        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.True(r.Version == new Version(10, 11, 0, 0), $"{r.Name} is referenced at {r.Version}, expected 10.11.0.0"));
    }

    [Fact]
    public void PluginOutputFolderShipsNoJellyfinAssembly()
    {
        var dir = RepoPaths.PluginOutputDirectory;
        Assert.True(Directory.Exists(dir), "Plugin output folder not found: " + dir);
        Assert.True(File.Exists(Path.Combine(dir, "Jellyfin.Plugin.Aperture.dll")), "Plugin DLL not found in " + dir);

        var shipped = Directory.EnumerateFiles(dir, "*.dll")
            .Select(Path.GetFileName)
            .Where(n => JellyfinReferenceReader.IsJellyfinAssemblyName(n!) && n != "Jellyfin.Plugin.Aperture.dll")
            .ToList();

        Assert.True(shipped.Count == 0, "Reference-surface DLLs in the plugin output: " + string.Join(", ", shipped));
    }

    [Fact]
    public void EveryJellyfinInterfaceThePluginImplementsIsFullyImplemented()
    {
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
