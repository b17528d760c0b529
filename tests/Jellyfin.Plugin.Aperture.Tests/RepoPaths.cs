using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Jellyfin.Plugin.Aperture.Tests;

/// <summary>Finds files of the repository relative to the solution file.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !dir.EnumerateFiles("*.sln").Any())
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("No .sln found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Gets the build configuration the tests were built with (Debug/Release).</summary>
    public static string Configuration
        => typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>Gets the plugin project's own output folder (not the test output, which holds Jellyfin's SDK assemblies).</summary>
    public static string PluginOutputDirectory => Path.Combine(Root, "Jellyfin.Plugin.Aperture", "bin", Configuration, "net9.0");
}
