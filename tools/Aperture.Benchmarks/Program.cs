using System;

namespace Aperture.Benchmarks;

/// <summary>Placeholder until the benchmarks land.</summary>
internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("Aperture benchmarks: not built yet.");
        return 0;
    }
}
