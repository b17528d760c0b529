using System;

namespace Aperture.DevHost;

/// <summary>Placeholder until the dev host lands.</summary>
internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("Aperture dev host: not built yet.");
        return 0;
    }
}
