using System;
using System.Threading.Tasks;

namespace Aperture.DevHost;

/// <summary>
/// Runs the Aperture dev host: <c>dotnet run --project tools/Aperture.DevHost -- [--port 8096] [--data ./dev-data] [--demo]</c>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        DevHostOptions options;
        try
        {
            options = DevHostOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        await using var host = await DevHostApp.StartAsync(options).ConfigureAwait(false);
        Console.WriteLine("Aperture dev host: " + host.Url + " (development tool, not Jellyfin)");
        Console.WriteLine("  data folder: " + System.IO.Path.GetFullPath(options.DataPath));
        Console.WriteLine("  open as admin: " + host.SignInUrl);
        Console.WriteLine("  API token (X-Emby-Token header): " + host.AdminToken);
        if (host.Demo is { } demo)
        {
            Console.WriteLine("  demo mode: every integration points at a loopback emulator. Demo keys (fake):");
            foreach (var emulator in demo.Describe())
            {
                Console.WriteLine("    " + emulator.Service.PadRight(8) + emulator.DemoKey
                    + (emulator.DemoSecret is null ? string.Empty : "  (client secret " + emulator.DemoSecret + ")")
                    + "  at " + emulator.BaseUrl);
            }

            Console.WriteLine("  any other key is refused. Faults: POST /dev/emulators/{service}/mode/{None|BadKey|RateLimited|QuotaExhausted|Outage|Timeout|HtmlErrorPage|MalformedBody}");
        }

        Console.WriteLine("  dev endpoints: GET /dev/library (enriched fields show here), GET /dev/tasks, POST /dev/tasks/{key}/run, GET /dev/activity. Ctrl+C stops.");
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
