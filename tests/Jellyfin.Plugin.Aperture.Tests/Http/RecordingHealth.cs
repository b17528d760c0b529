using System.Collections.Concurrent;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

public sealed class RecordingHealth : IHealthRecorder
{
    public ConcurrentQueue<(string Service, UpstreamResponse Response)> Records { get; } = new();

    public void TestStarted(string service)
    {
    }

    public void Record(string service, UpstreamResponse response, bool isConnectionTest, bool isCandidate, string? scope = null, bool isWrite = false) =>
        Records.Enqueue((service, response));
}
