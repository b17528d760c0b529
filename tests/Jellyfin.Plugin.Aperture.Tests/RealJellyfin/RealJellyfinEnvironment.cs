using System;
using System.IO;
using System.Linq;
using Jellyfin.Plugin.Aperture.Tests.Browser;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// Says whether a real Jellyfin server may run here, and if not, why. Jellyfin contacts its plugin repository at
/// every start and no traffic may leave this machine, so a server is started only inside a network namespace that
/// has nothing but loopback (the test command runs the suite under <c>unshare --net</c>).
/// </summary>
public static class RealJellyfinEnvironment
{
    /// <summary>Gets where ffmpeg is expected (Jellyfin refuses to start without it).</summary>
    public static string FfmpegPath => Environment.GetEnvironmentVariable("APERTURE_FFMPEG") is { Length: > 0 } path ? path : "/usr/bin/ffmpeg";

    /// <summary>Gets why no real server can run for this version, or null when it can.</summary>
    /// <param name="version">The server version, as in its tarball's name.</param>
    /// <returns>The reason, or null.</returns>
    public static string? Problem(string version)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Real-Jellyfin tests need Linux (network namespaces and the linux-amd64 server).";
        }

        if (JellyfinDistribution.Folder is null)
        {
            return "No Jellyfin servers: ../shared/jellyfin beside the repository (or APERTURE_JELLYFIN_DIR) does not exist.";
        }

        if (JellyfinDistribution.Find(version) is null)
        {
            return "No jellyfin_" + version + "_linux-amd64.tar.xz in " + JellyfinDistribution.Folder + ".";
        }

        if (IsolationProblem() is { } isolation)
        {
            return isolation;
        }

        if (!File.Exists(FfmpegPath))
        {
            return "ffmpeg was not found at " + FfmpegPath + " (Jellyfin refuses to start without it): apt-get install -y ffmpeg.";
        }

        if (!File.Exists(ChromiumFixture.ChromiumPath))
        {
            return "Chromium was not found at " + ChromiumFixture.ChromiumPath + ": apt-get install -y chromium.";
        }

        return null;
    }

    /// <summary>Gets why this process is not network-isolated, or null when loopback is its only interface and is up.</summary>
    /// <returns>The reason, or null.</returns>
    public static string? IsolationProblem()
    {
        const string Hint = " Run the tests through tools/test.sh (as root it runs them under unshare --net with loopback up).";
        // /proc/self/net/dev lists this process's network namespace (/sys/class/net may show the host's).
        var interfaces = File.ReadAllLines("/proc/self/net/dev").Skip(2)
            .Select(line => line.Split(':', 2)[0].Trim())
            .Where(name => name.Length > 0)
            .ToList();
        var others = interfaces.Where(name => name != "lo").ToList();
        if (others.Count > 0)
        {
            return "Not in an isolated network namespace (interfaces: " + string.Join(", ", others) + "); a real Jellyfin server "
                + "would contact its plugin repository." + Hint;
        }

        if (!interfaces.Contains("lo"))
        {
            return "This network namespace has no loopback interface." + Hint;
        }

        return null;
    }
}
