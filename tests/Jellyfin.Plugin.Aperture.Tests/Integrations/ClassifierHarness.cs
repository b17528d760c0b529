using System;
using System.Net.Http;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

/// <summary>Feeds a classifier a real-shaped answer at a fixed time.</summary>
internal static class ClassifierHarness
{
    /// <summary>The fixed "now": 2026-11-26 15:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The next midnight UTC after <see cref="Now"/>.</summary>
    public static readonly DateTimeOffset NextMidnight = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    public static UpstreamClassification Classify(
        this IUpstreamClassifier classifier,
        int status,
        string body,
        string? contentType = "application/json",
        params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return classifier.Classify(status, contentType, body, message.Headers, Now);
    }
}
