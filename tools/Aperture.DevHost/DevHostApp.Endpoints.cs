using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.DevHost.Jellyfin;
using Aperture.DevHost.Library;
using Aperture.DevHost.Tasks;
using Jellyfin.Plugin.Aperture;
using Jellyfin.Plugin.Aperture.Configuration;
using MediaBrowser.Common.Api;
using MediaBrowser.Model.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.DevHost;

/// <content>The page shell, Jellyfin's page endpoints and the dev-only endpoints.</content>
public sealed partial class DevHostApp
{
    // The shell needs an inline <style> allowance because plugin pages carry their own <style> inside the page
    // div; scripts come only from this origin, so a page that relies on inline script fails here first.
    private const string ShellPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", ServeShell);
        app.MapGet("/web", ServeShell);
        app.MapGet("/web/", ServeShell);
        app.MapGet("/web/index.html", ServeShell);
        app.MapGet("/dev/shell/{file}", (string file, HttpContext context) =>
        {
            var (resource, type) = file switch
            {
                "shell.css" => ("Aperture.DevHost.Shell.shell.css", "text/css; charset=utf-8"),
                "shell.js" => ("Aperture.DevHost.Shell.shell.js", "text/javascript; charset=utf-8"),
                _ => (null, null),
            };
            return resource is null ? Results.NotFound() : Embedded(typeof(DevHostApp).Assembly, resource, type!, context);
        });

        // Jellyfin: GET /web/ConfigurationPage?name= is anonymous and streams the plugin's embedded resource.
        // A browser navigating to the HTML page (jellyfin-web's own route) gets the shell that hosts it instead.
        app.MapGet("/web/ConfigurationPage", (string? name, HttpContext context) =>
        {
            var page = FindPage(name);
            if (page is null)
            {
                return Results.NotFound();
            }

            var isHtml = page.EmbeddedResourcePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
            if (isHtml && string.Equals(context.Request.Headers["Sec-Fetch-Mode"], "navigate", StringComparison.OrdinalIgnoreCase))
            {
                return ServeShell(context);
            }

            var type = isHtml ? "text/html; charset=utf-8"
                : page.EmbeddedResourcePath.EndsWith(".js", StringComparison.OrdinalIgnoreCase) ? "application/x-javascript"
                : page.EmbeddedResourcePath.EndsWith(".css", StringComparison.OrdinalIgnoreCase) ? "text/css" : "application/octet-stream";
            return Embedded(typeof(Plugin).Assembly, page.EmbeddedResourcePath, type, context);
        });

        app.MapGet("/web/ConfigurationPages", () => Plugin.Instance!.GetPages().Select(p => new
        {
            p.Name,
            p.EnableInMainMenu,
            p.MenuSection,
            p.MenuIcon,
            DisplayName = p.DisplayName ?? Plugin.Instance.Name,
            PluginId = Plugin.Instance.Id,
        })).RequireAuthorization(Policies.RequiresElevation);

        // Jellyfin's whole-configuration endpoints, for pages that use ApiClient.getPluginConfiguration.
        app.MapGet("/Plugins/{pluginId:guid}/Configuration", (Guid pluginId) =>
            pluginId == Plugin.Instance!.Id ? Results.Json(Plugin.Instance.Configuration) : Results.NotFound())
            .RequireAuthorization(Policies.RequiresElevation);
        app.MapPost("/Plugins/{pluginId:guid}/Configuration", (Guid pluginId, PluginConfiguration configuration) =>
        {
            if (pluginId != Plugin.Instance!.Id)
            {
                return Results.NotFound();
            }

            Plugin.Instance.UpdateConfiguration(configuration);
            return Results.NoContent();
        }).RequireAuthorization(Policies.RequiresElevation);
    }

    private static void MapDevEndpoints(WebApplication app)
    {
        var dev = app.MapGroup("/dev").RequireAuthorization(Policies.RequiresElevation);
        dev.MapGet("/library", (DevLibraryManager library) => library.Items.Select(i => SampleLibrary.Describe(i, library.GetPeople(i))).ToList());
        dev.MapGet("/tasks", (DevTaskRunner tasks) => tasks.List());
        dev.MapPost("/tasks/{key}/run", async (string key, bool? wait, DevTaskRunner tasks, CancellationToken cancellationToken) =>
        {
            var state = wait == true
                ? await tasks.RunAsync(key, cancellationToken).ConfigureAwait(false)
                : tasks.Start(key);
            return state is null ? Results.NotFound(new { Message = "No scheduled task with key '" + key + "'." }) : Results.Accepted(value: state);
        });
        dev.MapPost("/emulators/{service}/mode/{mode}", (string service, string mode, IServiceProvider services) =>
        {
            var demo = services.GetRequiredService<DemoSlot>().Demo;
            if (demo is null)
            {
                return Results.BadRequest(new { Message = "The emulators run only in demo mode (--demo)." });
            }

            var problem = demo.SetMode(service, mode);
            return problem is null ? Results.Ok(demo.Describe()) : Results.BadRequest(new { Message = problem });
        });
        dev.MapGet("/emulators", (IServiceProvider services) =>
            services.GetRequiredService<DemoSlot>().Demo is { } demo ? Results.Ok(demo.Describe()) : Results.Ok(Array.Empty<object>()));
        dev.MapGet("/activity", (DevActivityManager activity) => activity.Entries.Select(e => new
        {
            e.Name,
            e.Type,
            e.Overview,
            e.ShortOverview,
            Severity = e.LogSeverity.ToString(),
            e.DateCreated,
        }).ToList());
    }

    private static PluginPageInfo? FindPage(string? name) =>
        string.IsNullOrEmpty(name) ? null
        : Plugin.Instance?.GetPages().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IResult ServeShell(HttpContext context)
    {
        context.Response.Headers["Content-Security-Policy"] = ShellPolicy;
        return Embedded(typeof(DevHostApp).Assembly, "Aperture.DevHost.Shell.index.html", "text/html; charset=utf-8", context);
    }

    private static IResult Embedded(System.Reflection.Assembly assembly, string resource, string contentType, HttpContext context)
    {
        var stream = assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Stream(stream, contentType);
    }
}
