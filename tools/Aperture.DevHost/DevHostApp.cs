using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Aperture.DevHost.Jellyfin;
using Aperture.DevHost.Library;
using Aperture.DevHost.Tasks;
using Jellyfin.Plugin.Aperture;
using MediaBrowser.Common.Api;
using MediaBrowser.Common.Configuration;
using MediaBrowser.Controller;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Activity;
using MediaBrowser.Model.Serialization;
using MediaBrowser.Model.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aperture.DevHost;

/// <summary>
/// The Aperture dev host: runs the real plugin outside Jellyfin on 127.0.0.1, with stand-ins for what Jellyfin
/// gives a plugin (paths, XML serializer, server host, library, admin authentication) and a page shell that
/// loads the embedded settings page the way jellyfin-web does. A development tool; never shipped.
/// </summary>
public sealed partial class DevHostApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IAsyncDisposable? _demo;

    private DevHostApp(WebApplication app, string url, string adminToken, DemoEnvironment? demo)
    {
        _app = app;
        Url = url;
        AdminToken = adminToken;
        _demo = demo;
        Demo = demo;
    }

    /// <summary>Gets the URL the dev host serves, ending with a slash (http://127.0.0.1:port/).</summary>
    public string Url { get; }

    /// <summary>Gets the admin token accepted in <c>X-Emby-Authorization</c> (Token="…") or <c>X-Emby-Token</c>.</summary>
    public string AdminToken { get; }

    /// <summary>Gets the demo environment (the emulators and their keys), or null outside demo mode.</summary>
    public DemoEnvironment? Demo { get; }

    /// <summary>Gets the dev host's services (the plugin's services included).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Gets the in-memory library.</summary>
    public DevLibraryManager Library => _app.Services.GetRequiredService<DevLibraryManager>();

    /// <summary>Gets the URL a browser opens to sign in as the dev admin (the token travels in the #fragment only).</summary>
    public string SignInUrl => Url + "#token=" + AdminToken;

    /// <summary>
    /// Starts the dev host.
    /// </summary>
    /// <param name="options">Port, data folder, demo flag.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running dev host.</returns>
    public static async Task<DevHostApp> StartAsync(DevHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var adminToken = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var pluginAssembly = typeof(Plugin).Assembly;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DevHostApp).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));

        // What Jellyfin gives a plugin: paths, XML serializer, server host, the library.
        var paths = new DevApplicationPaths(options.DataPath);
        var xml = new DevXmlSerializer();
        var host = new DevServerApplicationHost(pluginAssembly) { HttpPort = options.Port };
        var library = new DevLibraryManager(SampleLibrary.Create());
        BaseItem.LibraryManager = library;

        var services = builder.Services;
        services.AddSingleton<IApplicationPaths>(paths);
        services.AddSingleton<IServerApplicationPaths>(paths);
        services.AddSingleton<IXmlSerializer>(xml);
        services.AddSingleton<IServerApplicationHost>(host);
        services.AddSingleton(library);
        services.AddSingleton<ILibraryManager>(library);
        var activity = new DevActivityManager();
        services.AddSingleton(activity);
        services.AddSingleton<IActivityManager>(activity);

        // Jellyfin runs every IPluginServiceRegistrator first, then creates the plugin.
        new PluginServiceRegistrator().RegisterServices(services, host);
        using (var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)))
        {
            var plugin = new Plugin(paths, xml, loggerFactory.CreateLogger<Plugin>());
            services.AddSingleton(plugin);
        }

        // Jellyfin's task manager, so the plugin's own launcher runs the Enrich library task (POST
        // /Aperture/Enrichment/Run) through the dev task runner, as it runs through Jellyfin's in production.
        services.AddSingleton<DevTaskRunner>();
        services.AddSingleton<ITaskManager, DevTaskManager>();
        var demoSlot = new DemoSlot();
        services.AddSingleton(demoSlot);

        // Jellyfin-style authentication and the RequiresElevation policy.
        services.AddAuthentication(DevAuthenticationHandler.SchemeName)
            .AddScheme<DevAuthenticationOptions, DevAuthenticationHandler>(DevAuthenticationHandler.SchemeName, o => o.AdminToken = adminToken);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.RequiresElevation, p => p
                .AddAuthenticationSchemes(DevAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(DevAuthenticationHandler.AdministratorRole))
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(DevAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .Build());

        // The plugin's controllers, with Jellyfin's JSON: PascalCase, enums as strings, numbers from strings.
        services.AddControllers()
            .AddApplicationPart(pluginAssembly)
            .AddControllersAsServices()
            .AddJsonOptions(o => ConfigureJson(o.JsonSerializerOptions));
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));

        var app = builder.Build();
        host.ServiceProvider = app.Services;
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        MapPages(app);
        MapDevEndpoints(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        host.HttpPort = port;
        host.CoreStartupHasCompleted = true;
        var url = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

        DemoEnvironment? demo = null;
        if (options.Demo)
        {
            try
            {
                demo = await DemoEnvironment.StartAsync(app.Services, cancellationToken).ConfigureAwait(false);
                demoSlot.Demo = demo;
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return new DevHostApp(app, url, adminToken, demo);
    }

    /// <summary>Waits until the host is stopped (Ctrl+C or SIGTERM).</summary>
    /// <returns>A task that completes at shutdown.</returns>
    public Task WaitForShutdownAsync() => _app.Lifetime.ApplicationStopping.WhenCanceled();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_demo is not null)
        {
            await _demo.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = null;
        json.DictionaryKeyPolicy = null;
        json.PropertyNameCaseInsensitive = true;
        json.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        json.Converters.Add(new JsonStringEnumConverter());
    }
}
