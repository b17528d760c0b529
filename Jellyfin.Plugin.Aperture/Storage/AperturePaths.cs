using System;
using System.IO;

namespace Jellyfin.Plugin.Aperture.Storage;

/// <summary>
/// Where Aperture keeps its own files: the SQLite database and the encryption key. It lives beside Jellyfin's
/// plugin configurations (not in the versioned plugin folder), so it survives plugin updates.
/// </summary>
public sealed class AperturePaths
{
    /// <summary>
    /// Initializes a new instance of the <see cref="AperturePaths"/> class.
    /// </summary>
    /// <param name="dataDirectory">The folder for Aperture's data; created when missing.</param>
    public AperturePaths(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    /// <summary>Gets the data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Gets the SQLite database path.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "aperture.db");

    /// <summary>Gets the path of the key that encrypts stored credentials.</summary>
    public string KeyFilePath => Path.Combine(DataDirectory, "aperture.key");

    /// <summary>
    /// Creates the data folder when missing (owner-only access where the platform supports it).
    /// </summary>
    public void EnsureCreated()
    {
        if (Directory.Exists(DataDirectory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
        }
        else
        {
            Directory.CreateDirectory(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
