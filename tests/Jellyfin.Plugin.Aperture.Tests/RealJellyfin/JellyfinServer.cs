using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// One real Jellyfin server process on 127.0.0.1:8096 with its own data, config, cache and log folders, driven through
/// Jellyfin's own REST API the way an admin's browser would. Every wait is bounded.
/// </summary>
public sealed class JellyfinServer : IAsyncDisposable
{
    public const string Url = "http://127.0.0.1:8096";
    public const string AdminName = "admin";
    public const string AdminPassword = "aperture-admin-pass";

    private const string ClientHeader = "MediaBrowser Client=\"Aperture tests\", Device=\"CI\", DeviceId=\"aperture-real-jellyfin\", Version=\"1.0\"";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _serverFolder;
    private readonly Lock _stdoutLock = new();
    private Process? _process;
    private volatile bool _startupComplete;
    private StreamWriter? _stdout;

    public JellyfinServer(string serverFolder, string root)
    {
        _serverFolder = serverFolder;
        Root = root;
        Api = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ClientHeader);
    }

    /// <summary>Gets the folder holding data/, config/, cache/, log/ and the server's stdout.</summary>
    public string Root { get; }

    public string DataDir => Path.Combine(Root, "data");

    public string ConfigDir => Path.Combine(Root, "config");

    public string LogDir => Path.Combine(Root, "log");

    /// <summary>Gets a client for Jellyfin's API; after sign-in it carries the admin token.</summary>
    public HttpClient Api { get; }

    /// <summary>Gets the admin's access token (after <see cref="CompleteWizardAndSignInAsync"/>).</summary>
    public string? AdminToken { get; private set; }

    /// <summary>Gets the server id, as jellyfin-web stores it.</summary>
    public string? ServerId { get; private set; }

    /// <summary>Starts the server and waits until its API answers.</summary>
    /// <returns>A task.</returns>
    public async Task StartAsync()
    {
        Directory.CreateDirectory(Root);
        var info = new ProcessStartInfo(Path.Combine(_serverFolder, "jellyfin"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        foreach (var arg in new[]
        {
            "--datadir", DataDir, "--configdir", ConfigDir, "--cachedir", Path.Combine(Root, "cache"), "--logdir", LogDir,
            "--webdir", Path.Combine(_serverFolder, "jellyfin-web"), "--ffmpeg", RealJellyfinEnvironment.FfmpegPath,
        })
        {
            info.ArgumentList.Add(arg);
        }

        _startupComplete = false;
        _stdout ??= new StreamWriter(Path.Combine(Root, "stdout.log"), append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + info.FileName);
        _process = process;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("Jellyfin exited with " + process.ExitCode + " while starting. Last output:\n" + Tail(40));
            }

            try
            {
                using var response = await Api.GetAsync("System/Info/Public", deadline.Token);
                if (response.IsSuccessStatusCode && _startupComplete)
                {
                    using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token));
                    ServerId = doc.RootElement.GetProperty("Id").GetString();
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException("Jellyfin did not answer within " + StartTimeout + ". Last output:\n" + Tail(40));
            }

            await Task.Delay(250, CancellationToken.None);
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException("Jellyfin did not answer within " + StartTimeout + ". Last output:\n" + Tail(40));
            }
        }
    }

    /// <summary>Completes the startup wizard through the API (as the wizard's pages do) and signs the admin in.</summary>
    /// <returns>A task.</returns>
    public async Task CompleteWizardAndSignInAsync()
    {
        await Ok(Api.PostAsJsonAsync("Startup/Configuration", new { UICulture = "en-US", MetadataCountryCode = "US", PreferredMetadataLanguage = "en" }));
        using (var first = await Api.GetAsync("Startup/User"))
        {
            first.EnsureSuccessStatusCode();
        }

        await Ok(Api.PostAsJsonAsync("Startup/User", new { Name = AdminName, Password = AdminPassword }));
        await Ok(Api.PostAsync("Startup/Complete", null));
        await SignInAsync();
    }

    /// <summary>Signs the admin in and keeps the token on <see cref="Api"/>.</summary>
    /// <returns>A task.</returns>
    public async Task SignInAsync()
    {
        using var response = await Api.PostAsJsonAsync("Users/AuthenticateByName", new { Username = AdminName, Pw = AdminPassword });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AdminToken = doc.RootElement.GetProperty("AccessToken").GetString();

        // The Authorization header with the token: 12.0 no longer accepts the legacy X-Emby-Token header by default.
        Api.DefaultRequestHeaders.Remove("Authorization");
        Api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ClientHeader + ", Token=\"" + AdminToken + "\"");
    }

    /// <summary>Gets a JSON document from the API.</summary>
    /// <param name="path">The path and query.</param>
    /// <returns>The parsed answer.</returns>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException("GET " + path + " answered " + (int)response.StatusCode + ": " + body);
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    /// <summary>Waits, bounded, until a condition on the server holds.</summary>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="condition">Checked every half second.</param>
    /// <param name="timeout">The bound.</param>
    /// <returns>A task.</returns>
    public static async Task WaitUntilAsync(string what, Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException("Waited " + timeout + " for " + what + ".");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Gets the lines of the server's own log files (not stdout) that match a filter.</summary>
    /// <param name="filter">Which lines to keep.</param>
    /// <returns>The lines.</returns>
    public IReadOnlyList<string> LogLines(Func<string, bool> filter)
    {
        if (!Directory.Exists(LogDir))
        {
            return Array.Empty<string>();
        }

        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(LogDir, "*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (filter(line))
                {
                    lines.Add(line);
                }
            }
        }

        return lines;
    }

    /// <summary>Stops the server the way an admin does (Dashboard → Shutdown), killing it only if it will not stop.</summary>
    /// <returns>A task.</returns>
    public async Task StopAsync()
    {
        if (_process is not { } process || process.HasExited)
        {
            return;
        }

        try
        {
            using var response = await Api.PostAsync("System/Shutdown", null);
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
        _process = null;
    }

    /// <summary>Stops and starts the server on the same folders, and signs the admin in again.</summary>
    /// <returns>A task.</returns>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
        await SignInAsync();
    }

    /// <summary>Gets the last lines the server printed.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The lines.</returns>
    public string Tail(int count)
    {
        var path = Path.Combine(Root, "stdout.log");
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - count)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Api.Dispose();
        _stdout?.Dispose();
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(response.RequestMessage?.RequestUri + " answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            // Jellyfin answers its API before plugins and scheduled tasks are ready; this line says they are.
            if (line.Contains("Startup complete", StringComparison.Ordinal))
            {
                _startupComplete = true;
            }

            lock (_stdoutLock)
            {
                _stdout?.WriteLine(line);
            }
        }
    }
}
