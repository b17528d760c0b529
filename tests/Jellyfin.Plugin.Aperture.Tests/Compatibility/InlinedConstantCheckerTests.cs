using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using MediaBrowser.Model.Entities;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

public class InlinedConstantCheckerTests
{
    [Fact]
    public void ReportsAnEnumMemberWhoseValueChangedOrThatIsGoneAndAcceptsAnAddedOne()
    {
        // A stand-in "server" whose MetadataProvider keeps Imdb, renumbers Tmdb, drops everything else and adds one.
        var folder = Directory.CreateTempSubdirectory("aperture-fabricated-server-").FullName;
        try
        {
            var assembly = new PersistedAssemblyBuilder(new AssemblyName("MediaBrowser.Model") { Version = new Version(12, 0, 0, 0) }, typeof(object).Assembly);
            var providers = assembly.DefineDynamicModule("MediaBrowser.Model").DefineEnum(typeof(MetadataProvider).FullName!, TypeAttributes.Public, typeof(int));
            providers.DefineLiteral(nameof(MetadataProvider.Imdb), (int)MetadataProvider.Imdb);
            providers.DefineLiteral(nameof(MetadataProvider.Tmdb), 1000);
            providers.DefineLiteral("AddedLater", 1001);
            providers.CreateType();
            assembly.Save(Path.Combine(folder, "MediaBrowser.Model.dll"));
            using var server = new AssemblyCatalog("a fabricated server", folder);
            using var packages = JellyfinInstallations.OpenCompileTimePackages();

            var report = InlinedConstantChecker.Check([JellyfinReference.ToType("MediaBrowser.Model", typeof(MetadataProvider).FullName!)], packages, server);

            var tmdb = $"[MediaBrowser.Model] MediaBrowser.Model.Entities.MetadataProvider::Tmdb = Int32 {(int)MetadataProvider.Tmdb}";
            Assert.True(report.Names(tmdb), report.ToString());
            Assert.Contains("is Int32 1000 there", report.ToString(), StringComparison.Ordinal);
            Assert.Equal(Enum.GetNames<MetadataProvider>().Length - 1, report.Misses.Count);
            Assert.DoesNotContain("Imdb", report.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
