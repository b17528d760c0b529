using System;
using System.IO;
using Jellyfin.Plugin.Aperture.Tests.RealJellyfin;
using MediaBrowser.Controller.Library;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// The Jellyfin installations the plugin is checked against: the assemblies of every real server tarball in
/// <c>../shared/jellyfin</c>, and the 10.11.0 packages it compiles against (the baseline every check must pass on,
/// which shows the checks themselves do not invent misses).
/// </summary>
internal static class JellyfinInstallations
{
    /// <summary>The only theory row when no tarball is found, so the theory reports a skipped case instead of passing empty.</summary>
    public const string NoneFound = "no server tarball found";

    /// <summary>The theory row when no 10.11 tarball is found.</summary>
    public const string No1011Found = "no 10.11 server tarball found";

    /// <summary>Gets the version of every server tarball found, for theories that run once per server.</summary>
    public static TheoryData<string> ServerVersions
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var distribution in JellyfinDistribution.All)
            {
                data.Add(distribution.Version);
            }

            if (data.Count == 0)
            {
                data.Add(NoneFound);
            }

            return data;
        }
    }

    /// <summary>Gets the version of the newest 10.11 server tarball found (the newest release plugins built on 10.11.0 must run on).</summary>
    public static TheoryData<string> Newest1011Version
        => new(JellyfinDistribution.Newest1011 is { } newest ? newest.Version : No1011Found);

    /// <summary>Gets the plugin as built (the copy beside the tests is the same build output).</summary>
    public static string PluginPath => typeof(Plugin).Assembly.Location;

    /// <summary>Opens a server's own assemblies, or skips the calling test with the reason when they are not available.</summary>
    /// <param name="version">A version from <see cref="ServerVersions"/>.</param>
    /// <returns>The server's assemblies.</returns>
    public static AssemblyCatalog OpenServer(string version)
    {
        Skip.If(
            version is NoneFound or No1011Found,
            $"Jellyfin server tarballs (jellyfin_<version>_linux-amd64.tar.xz) are looked for in {JellyfinDistribution.Folder ?? "../shared/jellyfin (absent)"} or $APERTURE_JELLYFIN_DIR: {version}, so this is checked against no real server.");
        var distribution = JellyfinDistribution.Find(version);
        Skip.If(distribution is null, $"The Jellyfin {version} tarball is no longer in {JellyfinDistribution.Folder ?? "../shared/jellyfin"}.");

        string? folder = null;
        string? failure = null;
        try
        {
            folder = distribution!.Extract();
        }
#pragma warning disable CA1031 // Any extraction failure (tar missing, disk full, broken tarball) becomes the skip reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e.GetType().Name + ": " + e.Message;
        }

        Skip.If(folder is null, $"Could not extract {distribution!.Tarball}: {failure}");
        return new AssemblyCatalog("Jellyfin " + version, folder!);
    }

    /// <summary>
    /// Opens the 10.11.0 packages the plugin compiles against: the tests' own output folder holds their runtime
    /// assemblies, and the .NET and ASP.NET Core shared frameworks the test runs on stand in for the server's runtime.
    /// </summary>
    /// <returns>The packages' assemblies.</returns>
    public static AssemblyCatalog OpenCompileTimePackages()
    {
        var packages = Path.GetDirectoryName(typeof(IUserManager).Assembly.Location)!;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNetCore = Path.GetDirectoryName(typeof(ControllerBase).Assembly.Location)!;
        return new AssemblyCatalog("the Jellyfin 10.11.0 packages", packages, runtime, aspNetCore);
    }
}
