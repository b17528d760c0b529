using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Aperture.Emulators;

namespace Aperture.Demo;

/// <summary>
/// Starts the six service emulators on fixed loopback ports, points Aperture's settings file at them, prints what
/// each accepts, and runs until SIGINT or SIGTERM. tools/run-jellyfin.sh runs it inside Jellyfin's network namespace.
/// </summary>
public static class Program
{
    /// <summary>The line printed once the services answer and the settings file is written.</summary>
    public const string ReadyLine = "Demo services ready.";

    private const string Usage = """
        Usage: dotnet Aperture.Demo.dll --config PATH [--first-port N]
          --config PATH     Aperture's settings file to point at the services
                            (<jellyfin datadir>/plugins/configurations/Jellyfin.Plugin.Aperture.xml); other settings are kept
          --first-port N    the six services listen on 127.0.0.1:N..N+5 (default 8701)
        """;

    /// <summary>Runs the demo services.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (!TryParse(args, out var config, out var firstPort, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var services = await EmulatorSet.StartAsync(firstPort).ConfigureAwait(false);
        try
        {
            DemoSettingsFile.SetBaseUrls(config, services.All.ToDictionary(s => s.Name, s => s.BaseUrl));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("demo: " + ex.Message);
            return 1;
        }

        ServiceTable.Write(Console.Out, services);
        Console.WriteLine("Aperture's settings point at these services: " + config);
        Console.WriteLine(ReadyLine);
        await stop.Task.ConfigureAwait(false);
        Console.WriteLine("Demo services stopping.");
        return 0;
    }

    private static bool TryParse(string[] args, out string config, out int firstPort, out string error)
    {
        config = string.Empty;
        firstPort = 8701;
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--config" when value is not null:
                    config = value;
                    i++;
                    break;
                case "--first-port" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out firstPort) || firstPort < 1 || firstPort > 65530)
                    {
                        error = "--first-port must be a port number from 1 to 65530, not '" + value + "'.";
                        return false;
                    }

                    i++;
                    break;
                default:
                    error = "Unknown or incomplete option '" + args[i] + "'.";
                    return false;
            }
        }

        if (config.Length == 0)
        {
            error = "--config is required.";
            return false;
        }

        return true;
    }
}
