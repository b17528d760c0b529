using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Aperture.Packager;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// A fresh real Jellyfin server of one version with Aperture installed from the packaged release zip (exactly what an
/// admin installs), the startup wizard completed through Jellyfin's API, a small library added (not yet scanned),
/// and every Aperture service pointed at its loopback emulator. Where no server may run here, nothing starts and
/// <see cref="Problem"/> says why; the tests then report themselves skipped with that reason.
/// </summary>
public abstract class JellyfinServerFixture : IAsyncLifetime
{
    private readonly System.Threading.SemaphoreSlim _scanLock = new(1, 1);
    private Exception? _startError;
    private JellyfinServer? _server;
    private bool _scanned;

    protected JellyfinServerFixture(string version)
    {
        Version = version;
        Problem = RealJellyfinEnvironment.Problem(version);
    }

    public string Version { get; }

    /// <summary>Gets why no server runs here (the tests skip), or null.</summary>
    public string? Problem { get; }

    public JellyfinServer Server => _startError is null ? _server! : throw new InvalidOperationException("Jellyfin " + Version + " did not start.", _startError);

    public EmulatorSet Emulators { get; private set; } = null!;

    /// <summary>Gets the folder that holds the server's folders and the library.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "jf-" + Guid.NewGuid().ToString("N")[..8]);

    public string MoviesFolder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Problem is not null)
        {
            return;
        }

        try
        {
            var serverFolder = JellyfinDistribution.Find(Version)!.Extract();
            Emulators = await EmulatorSet.StartAsync();
            _server = new JellyfinServer(serverFolder, Path.Combine(Root, "server"));
            InstallReleaseZip(Path.Combine(_server.DataDir, "plugins"));
            var (movies, shows) = FixtureLibrary.Write(Path.Combine(Root, "library"));
            MoviesFolder = movies;

            await _server.StartAsync();
            await _server.CompleteWizardAndSignInAsync();
            await AddLibraryAsync("Movies", "movies", movies);
            await AddLibraryAsync("Shows", "tvshows", shows);
            foreach (var (service, emulator) in ByService())
            {
                await Aperture(HttpMethod.Put, "Integrations/" + service + "/Settings", new { BaseUrl = emulator.BaseUrl.AbsoluteUri });
            }
        }
        catch (Exception e)
        {
            _startError = e;
        }
    }

    public async Task DisposeAsync()
    {
        _scanLock.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Emulators is not null)
        {
            await Emulators.DisposeAsync();
        }

        // APERTURE_KEEP_JELLYFIN=1 keeps the server's folders (logs, database) for a look after a failure.
        if (Environment.GetEnvironmentVariable("APERTURE_KEEP_JELLYFIN") != "1" && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Gets the emulator of an Aperture service id.</summary>
    /// <param name="service">tmdb, omdb, trakt, mdblist, seerr or ai.</param>
    /// <returns>The emulator.</returns>
    public ServiceEmulator Emulator(string service) => ByService()[service];

    /// <summary>Calls Aperture's admin API on the real server and returns its JSON answer.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path below /Aperture/.</param>
    /// <param name="body">A JSON body, or null.</param>
    /// <returns>The answer.</returns>
    public async Task<JsonElement> Aperture(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "Aperture/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Server.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(method + " /Aperture/" + path + " answered " + (int)response.StatusCode + ": " + text);
        }

        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return doc.RootElement.Clone();
    }

    /// <summary>Saves the emulator's working credentials for a service (setup through the API, not under test).</summary>
    /// <param name="service">The service id.</param>
    /// <param name="key">A key to save instead of the working one.</param>
    /// <returns>A task.</returns>
    public async Task SaveCredentialsAsync(string service, string? key = null)
    {
        var emulator = Emulator(service);
        var integration = (await Aperture(HttpMethod.Get, "Integrations")).EnumerateArray().First(i => i.GetProperty("Id").GetString() == service);
        var fields = new Dictionary<string, string>();
        foreach (var field in integration.GetProperty("Credentials").EnumerateArray().Where(f => f.GetProperty("Required").GetBoolean()))
        {
            var name = field.GetProperty("Name").GetString()!;
            fields[name] = name.Contains("secret", StringComparison.OrdinalIgnoreCase) && emulator is TraktEmulator trakt
                ? trakt.ClientSecret
                : key ?? emulator.ValidKey;
        }

        await Aperture(HttpMethod.Put, "Integrations/" + service + "/Credentials", new { Fields = fields });
    }

    /// <summary>Returns a service to "no key, emulator healthy", so a test starts from a known state.</summary>
    /// <param name="service">The service id.</param>
    /// <returns>A task.</returns>
    public async Task ResetServiceAsync(string service)
    {
        Emulator(service).Mode = FaultMode.None;
        await Aperture(HttpMethod.Delete, "Integrations/" + service + "/Credentials");
        foreach (var alert in (await Aperture(HttpMethod.Get, "Alerts")).EnumerateArray().Where(a => a.GetProperty("Service").GetString() == service))
        {
            await Aperture(HttpMethod.Post, "Alerts/" + alert.GetProperty("Id").GetInt64() + "/Dismiss");
        }
    }

    /// <summary>Gets one integration as the admin API shows it.</summary>
    /// <param name="service">The service id.</param>
    /// <returns>The integration.</returns>
    public async Task<JsonElement> IntegrationAsync(string service) =>
        (await Aperture(HttpMethod.Get, "Integrations")).EnumerateArray().First(i => i.GetProperty("Id").GetString() == service);

    /// <summary>
    /// Scans the library once for all tests of this server (later calls wait for it, then return) and waits for the
    /// enrichment that follows it. At least one of TMDb, OMDb and MDBList must have a key, or nothing follows the scan.
    /// </summary>
    /// <returns>A task.</returns>
    public async Task ScanOnceAsync()
    {
        await _scanLock.WaitAsync();
        try
        {
            if (!_scanned)
            {
                var started = DateTimeOffset.UtcNow;
                await ScanAsync();

                // The scan only queues new items; Aperture enriches them right after it. Wait for that run, so later
                // tests (which change keys and faults) start from an enriched library.
                async Task<bool> Enriched()
                {
                    var task = (await Server.GetJsonAsync("ScheduledTasks")).EnumerateArray().Single(t => t.GetProperty("Key").GetString() == "ApertureEnrichLibrary");
                    return task.GetProperty("State").GetString() == "Idle"
                        && task.TryGetProperty("LastExecutionResult", out var last) && last.ValueKind == JsonValueKind.Object
                        && last.GetProperty("EndTimeUtc").GetDateTimeOffset() > started;
                }

                await JellyfinServer.WaitUntilAsync("the enrichment that follows the first scan", Enriched, TimeSpan.FromMinutes(3));
                _scanned = true;
            }
        }
        finally
        {
            _scanLock.Release();
        }
    }

    /// <summary>Runs Jellyfin's "Scan media library" task, as Dashboard → Libraries → Scan all libraries does, to its end.</summary>
    /// <returns>How long the scan took, by Jellyfin's own task record.</returns>
    public async Task<TimeSpan> ScanAsync()
    {
        var before = await RefreshTaskEndAsync();
        using (var response = await Server.Api.PostAsync("Library/Refresh", null))
        {
            response.EnsureSuccessStatusCode();
        }

        JsonElement result = default;
        async Task<bool> Done()
        {
            var task = await RefreshTaskAsync();
            if (task.GetProperty("State").GetString() != "Idle" || !task.TryGetProperty("LastExecutionResult", out var last)
                || last.ValueKind != JsonValueKind.Object || last.GetProperty("EndTimeUtc").GetString() == before)
            {
                return false;
            }

            result = last.Clone();
            return true;
        }

        await JellyfinServer.WaitUntilAsync("the library scan to finish", Done, TimeSpan.FromMinutes(10));
        Assert.Equal("Completed", result.GetProperty("Status").GetString());
        return result.GetProperty("EndTimeUtc").GetDateTimeOffset() - result.GetProperty("StartTimeUtc").GetDateTimeOffset();
    }

    private async Task<JsonElement> RefreshTaskAsync() =>
        (await Server.GetJsonAsync("ScheduledTasks")).EnumerateArray().Single(t => t.GetProperty("Key").GetString() == "RefreshLibrary");

    private async Task<string?> RefreshTaskEndAsync()
    {
        var task = await RefreshTaskAsync();
        return task.TryGetProperty("LastExecutionResult", out var last) && last.ValueKind == JsonValueKind.Object
            ? last.GetProperty("EndTimeUtc").GetString()
            : null;
    }

    private Dictionary<string, ServiceEmulator> ByService() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["tmdb"] = Emulators.Tmdb,
        ["omdb"] = Emulators.Omdb,
        ["trakt"] = Emulators.Trakt,
        ["mdblist"] = Emulators.MdbList,
        ["seerr"] = Emulators.Seerr,
        ["ai"] = Emulators.Ai,
    };

    private static void InstallReleaseZip(string pluginsFolder)
    {
        var repository = RepoPaths.Root;
        var definition = BuildDefinition.Load(Path.Combine(repository, "build.yaml"));
        var configuration = typeof(JellyfinServerFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var output = Directory.CreateTempSubdirectory("aperture-zip-").FullName;
        try
        {
            var package = ReleasePackager.Package(new PackageRequest
            {
                Definition = definition,
                PublishDirectory = Path.Combine(repository, "Jellyfin.Plugin.Aperture", "bin", configuration, definition.Framework),
                OutputDirectory = output,
                Timestamp = DateTimeOffset.UtcNow,
            });

            // As an admin installs it by hand: the zip's content in plugins/<Name>_<version>/.
            ZipFile.ExtractToDirectory(package.ZipPath, Path.Combine(pluginsFolder, definition.Name + "_" + definition.Version));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private async Task AddLibraryAsync(string name, string collectionType, string path)
    {
        var query = "Library/VirtualFolders?name=" + Uri.EscapeDataString(name) + "&collectionType=" + collectionType
            + "&paths=" + Uri.EscapeDataString(path) + "&refreshLibrary=false";
        using var response = await Server.Api.PostAsJsonAsync(query, new { LibraryOptions = new { EnableRealtimeMonitor = false } });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException("Adding the " + name + " library answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
        }
    }
}
