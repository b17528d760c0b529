using System;
using System.Globalization;

namespace Aperture.DevHost;

/// <summary>How to start the dev host.</summary>
public sealed class DevHostOptions
{
    /// <summary>Gets or sets the loopback port; 0 picks a free one.</summary>
    public int Port { get; set; } = 8096;

    /// <summary>Gets or sets the data folder (plugin configuration, database, key file).</summary>
    public string DataPath { get; set; } = "./dev-data";

    /// <summary>Gets or sets a value indicating whether to start the emulators and point every integration at them.</summary>
    public bool Demo { get; set; }

    /// <summary>Gets or sets a value indicating whether ASP.NET request logging goes to the console.</summary>
    public bool Verbose { get; set; }

    /// <summary>
    /// Parses command-line arguments: <c>--port N</c>, <c>--data DIR</c>, <c>--demo</c>, <c>--verbose</c>.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    public static DevHostOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DevHostOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port":
                    options.Port = int.Parse(Next(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--data":
                    options.DataPath = Next(args, ref i);
                    break;
                case "--demo":
                    options.Demo = true;
                    break;
                case "--verbose":
                    options.Verbose = true;
                    break;
                default:
                    throw new ArgumentException("Unknown argument '" + args[i] + "'. Use --port N, --data DIR, --demo, --verbose.");
            }
        }

        return options;
    }

    private static string Next(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new ArgumentException(args[i] + " needs a value.");
        }

        return args[++i];
    }
}
