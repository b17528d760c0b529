using System;
using System.Threading.Tasks;

namespace Aperture.Benchmarks;

/// <summary>Benchmarks: ratios against limits, measured in one run; never timed assertions.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "pipeline";
        switch (which)
        {
            case "pipeline":
                return await PipelineBenchmark.RunAsync();
            case "enrichment":
                return await EnrichmentBenchmark.RunAsync();
            default:
                Console.WriteLine("Usage: Aperture.Benchmarks pipeline|enrichment");
                return 2;
        }
    }
}
