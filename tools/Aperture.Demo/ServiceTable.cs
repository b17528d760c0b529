using System;
using System.Collections.Generic;
using System.IO;
using Aperture.Emulators;

namespace Aperture.Demo;

/// <summary>The table a newcomer reads: each service, where it listens, and the fake demo key it accepts.</summary>
public static class ServiceTable
{
    /// <summary>Writes the table.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="services">The running emulators.</param>
    public static void Write(TextWriter output, EmulatorSet services)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(services);
        var rows = new List<string[]>
        {
            new[] { "Service", "Base URL", "Demo key (fake; paste it on the settings page)" },
            new[] { "TMDb", services.Tmdb.BaseUrl.AbsoluteUri, services.Tmdb.ValidKey },
            new[] { "OMDb", services.Omdb.BaseUrl.AbsoluteUri, services.Omdb.ValidKey },
            new[] { "Trakt", services.Trakt.BaseUrl.AbsoluteUri, "Client ID " + services.Trakt.ValidKey + ", Client Secret " + services.Trakt.ClientSecret },
            new[] { "MDBList", services.MdbList.BaseUrl.AbsoluteUri, services.MdbList.ValidKey },
            new[] { "Jellyseerr", services.Seerr.BaseUrl.AbsoluteUri, services.Seerr.ValidKey },
            new[] { "AI provider", services.Ai.BaseUrl.AbsoluteUri, services.Ai.ValidKey },
        };
        var widths = new int[3];
        foreach (var row in rows)
        {
            for (var column = 0; column < widths.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        foreach (var row in rows)
        {
            output.WriteLine("  " + row[0].PadRight(widths[0]) + "  " + row[1].PadRight(widths[1]) + "  " + row[2]);
        }
    }
}
