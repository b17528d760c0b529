using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;

namespace Aperture.Benchmarks;

/// <summary>Ignores health; the benchmark reads the server's counts.</summary>
internal sealed class NoHealth : IHealthRecorder
{
    public void TestStarted(string service)
    {
    }

    public void Record(string service, UpstreamResponse response, bool isConnectionTest, bool isCandidate, string? scope = null, bool isWrite = false)
    {
    }
}
