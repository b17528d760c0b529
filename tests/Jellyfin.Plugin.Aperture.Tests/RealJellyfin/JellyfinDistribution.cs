using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// A real, self-contained Jellyfin server tarball from <c>../shared/jellyfin/</c> (or <c>APERTURE_JELLYFIN_DIR</c>),
/// extracted once into a cache folder shared by every test run on the machine.
/// </summary>
public sealed partial class JellyfinDistribution
{
    private static readonly Lock ExtractLock = new();

    private JellyfinDistribution(string version, string tarball)
    {
        Version = version;
        Tarball = tarball;
    }

    /// <summary>Gets the server version in the tarball's name, for example <c>10.11.11</c> or <c>12.0.0-rc5</c>.</summary>
    public string Version { get; }

    /// <summary>Gets the tarball's path.</summary>
    public string Tarball { get; }

    /// <summary>Gets the folder that holds the tarballs, or null when there is none.</summary>
    public static string? Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("APERTURE_JELLYFIN_DIR") is { Length: > 0 } configured)
            {
                return Directory.Exists(configured) ? configured : null;
            }

            var shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "jellyfin"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary>Gets every server tarball found, oldest version first.</summary>
    public static IReadOnlyList<JellyfinDistribution> All
    {
        get
        {
            if (Folder is not { } folder)
            {
                return Array.Empty<JellyfinDistribution>();
            }

            return Directory.EnumerateFiles(folder, "jellyfin_*_linux-amd64.tar.xz")
                .Select(path => (Path: path, Match: TarballName().Match(Path.GetFileName(path))))
                .Where(t => t.Match.Success)
                .Select(t => new JellyfinDistribution(t.Match.Groups["version"].Value, t.Path))
                .OrderBy(d => d.Version, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Gets the newest 10.11 release found, the one the plugin's member references must resolve against.</summary>
    public static JellyfinDistribution? Newest1011 =>
        All.Where(d => d.Version.StartsWith("10.11.", StringComparison.Ordinal))
            .OrderBy(d => System.Version.TryParse(d.Version, out var v) ? v : new Version(0, 0))
            .LastOrDefault();

    private static string CacheRoot
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(cache, "aperture", "jellyfin");
        }
    }

    /// <summary>Finds the tarball of one version.</summary>
    /// <param name="version">The version, as in the tarball's name.</param>
    /// <returns>The distribution, or null.</returns>
    public static JellyfinDistribution? Find(string version) => All.FirstOrDefault(d => d.Version == version);

    /// <summary>
    /// Extracts the tarball once (into <c>$XDG_CACHE_HOME/aperture/jellyfin/&lt;version&gt;-&lt;size&gt;</c>) and returns the
    /// server folder (the tarball's <c>jellyfin/</c>, holding the apphost, its assemblies and <c>jellyfin-web</c>).
    /// </summary>
    /// <returns>The server folder.</returns>
    public string Extract()
    {
        var target = Path.Combine(CacheRoot, Version + "-" + new FileInfo(Tarball).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var server = Path.Combine(target, "jellyfin");
        lock (ExtractLock)
        {
            if (File.Exists(Path.Combine(target, ".complete")))
            {
                return server;
            }

            // Extract beside the target and rename, so a run killed half-way never leaves a partial server behind.
            var partial = target + ".partial-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }

            Directory.CreateDirectory(partial);
            Run("tar", "-xJf", Tarball, "-C", partial);
            if (!File.Exists(Path.Combine(partial, "jellyfin", "jellyfin")))
            {
                throw new InvalidOperationException(Tarball + " has no jellyfin/jellyfin apphost; is it a Jellyfin linux tarball?");
            }

            File.WriteAllText(Path.Combine(partial, ".complete"), Tarball);
            if (File.Exists(Path.Combine(target, ".complete")))
            {
                // Another test process finished first; its copy is identical and may be in use.
                Directory.Delete(partial, recursive: true);
                return server;
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(partial, target);
            return server;
        }
    }

    /// <inheritdoc />
    public override string ToString() => "Jellyfin " + Version;

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + file);
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " did not finish within 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(file + " " + string.Join(' ', args) + " failed (" + process.ExitCode + "): " + stderr.Result);
        }
    }

    [GeneratedRegex(@"^jellyfin_(?<version>[0-9][0-9A-Za-z.\-]*)_linux-amd64\.tar\.xz$")]
    private static partial Regex TarballName();
}
