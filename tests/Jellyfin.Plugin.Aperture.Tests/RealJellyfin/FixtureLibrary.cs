using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security;
using Aperture.Emulators.Catalog;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// A small library on disk as an admin would have it: one folder per movie with a one-second video and an NFO file
/// carrying its IMDb and TMDb ids, and one series with a season and an episode. The titles are ones the service
/// emulators know, so a scan can be checked field by field.
/// </summary>
public static class FixtureLibrary
{
    /// <summary>The movies: title, year, IMDb id, TMDb id.</summary>
    public static readonly IReadOnlyList<(string Title, int Year, string ImdbId, int TmdbId)> Movies =
    [
        ("The Matrix", 1999, "tt0133093", 603),
        ("The Empire Strikes Back", 1980, "tt0080684", 1891),
        ("Inception", 2010, "tt1375666", 27205),
    ];

    /// <summary>The series: title, year, IMDb id, TMDb id, TVDB id.</summary>
    public static readonly (string Title, int Year, string ImdbId, int TmdbId, int TvdbId) Series =
        ("Breaking Bad", 2008, "tt0903747", 1396, 81189);

    /// <summary>Writes the library below a folder.</summary>
    /// <param name="root">The folder; movies/ and shows/ are created in it.</param>
    /// <returns>The movies and shows folders.</returns>
    public static (string Movies, string Shows) Write(string root)
    {
        var movies = Directory.CreateDirectory(Path.Combine(root, "movies")).FullName;
        var shows = Directory.CreateDirectory(Path.Combine(root, "shows")).FullName;
        var video = Path.Combine(root, "sample.mkv");
        MakeVideo(video);

        foreach (var (title, year, imdb, tmdb) in Movies)
        {
            var folder = Directory.CreateDirectory(Path.Combine(movies, $"{title} ({year})")).FullName;
            File.Copy(video, Path.Combine(folder, $"{title} ({year}).mkv"));
            File.WriteAllText(Path.Combine(folder, "movie.nfo"), $"""
                <?xml version="1.0" encoding="utf-8" standalone="yes"?>
                <movie>
                  <title>{Xml(title)}</title>
                  <year>{year}</year>
                  <uniqueid type="imdb" default="true">{imdb}</uniqueid>
                  <uniqueid type="tmdb">{tmdb}</uniqueid>
                </movie>
                """);
        }

        var series = Directory.CreateDirectory(Path.Combine(shows, $"{Series.Title} ({Series.Year})")).FullName;
        File.WriteAllText(Path.Combine(series, "tvshow.nfo"), $"""
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <tvshow>
              <title>{Xml(Series.Title)}</title>
              <year>{Series.Year}</year>
              <uniqueid type="imdb">{Series.ImdbId}</uniqueid>
              <uniqueid type="tmdb">{Series.TmdbId}</uniqueid>
              <uniqueid type="tvdb" default="true">{Series.TvdbId}</uniqueid>
            </tvshow>
            """);
        var season = Directory.CreateDirectory(Path.Combine(series, "Season 01")).FullName;
        File.Copy(video, Path.Combine(season, $"{Series.Title} S01E01.mkv"));
        return (movies, shows);
    }

    /// <summary>Adds movie folders with ids the emulators synthesize data for (benchmarks need many titles).</summary>
    /// <param name="moviesFolder">The movies folder.</param>
    /// <param name="count">How many.</param>
    /// <param name="seed">Keeps names and ids apart between batches.</param>
    public static void AddSyntheticMovies(string moviesFolder, int count, int seed)
    {
        var video = Path.Combine(Path.GetDirectoryName(moviesFolder)!, "sample.mkv");
        for (var i = 0; i < count; i++)
        {
            var n = (seed * 1000) + i;
            var title = "Synthetic Feature " + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var folder = Directory.CreateDirectory(Path.Combine(moviesFolder, $"{title} (2001)")).FullName;
            File.Copy(video, Path.Combine(folder, $"{title} (2001).mkv"));
            File.WriteAllText(Path.Combine(folder, "movie.nfo"), $"""
                <?xml version="1.0" encoding="utf-8" standalone="yes"?>
                <movie>
                  <title>{title}</title>
                  <year>2001</year>
                  <uniqueid type="imdb" default="true">tt{9_000_000 + n}</uniqueid>
                  <uniqueid type="tmdb">{MediaCatalog.SyntheticTmdbBase + n}</uniqueid>
                </movie>
                """);
        }
    }

    private static string Xml(string text) => SecurityElement.Escape(text);

    // A real (tiny) video, so Jellyfin's probe succeeds as it does for a real library.
    private static void MakeVideo(string path)
    {
        var info = new ProcessStartInfo(RealJellyfinEnvironment.FfmpegPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=black:s=64x36:d=1:r=5", "-c:v", "mpeg4", path })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start ffmpeg.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(30_000);
        if (!process.HasExited || process.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException("ffmpeg could not make the sample video: " + error);
        }
    }
}
