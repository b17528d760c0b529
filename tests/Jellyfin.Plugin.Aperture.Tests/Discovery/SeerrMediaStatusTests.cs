using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

public sealed class SeerrMediaStatusTests
{
    [Theory]
    [InlineData(1L, SeerrServerKind.Seerr, SeerrAvailability.Unknown)]
    [InlineData(2L, SeerrServerKind.Seerr, SeerrAvailability.Pending)]
    [InlineData(3L, SeerrServerKind.Jellyseerr, SeerrAvailability.Processing)]
    [InlineData(4L, SeerrServerKind.Overseerr, SeerrAvailability.PartlyAvailable)]
    [InlineData(5L, SeerrServerKind.Overseerr, SeerrAvailability.Available)]
    [InlineData(6L, SeerrServerKind.Seerr, SeerrAvailability.Blocklisted)]
    [InlineData(6L, SeerrServerKind.Jellyseerr, SeerrAvailability.Blocklisted)]
    [InlineData(6L, SeerrServerKind.Overseerr, SeerrAvailability.Deleted)]
    [InlineData(7L, SeerrServerKind.Seerr, SeerrAvailability.Deleted)]
    [InlineData(7L, SeerrServerKind.Jellyseerr, SeerrAvailability.Deleted)]
    [InlineData(7L, SeerrServerKind.Overseerr, SeerrAvailability.Unknown)]
    [InlineData(8L, SeerrServerKind.Seerr, SeerrAvailability.Unknown)]
    [InlineData(99L, SeerrServerKind.Seerr, SeerrAvailability.Unknown)]
    [InlineData(0L, SeerrServerKind.Seerr, SeerrAvailability.Unknown)]
    [InlineData(-1L, SeerrServerKind.Jellyseerr, SeerrAvailability.Unknown)]
    [InlineData(null, SeerrServerKind.Seerr, SeerrAvailability.Unknown)]
    public void EveryStatusValueMapsPerServerKind_AndAnUnknownValueReadsUnknown(long? value, SeerrServerKind kind, SeerrAvailability expected)
    {
        Assert.Equal(expected, SeerrMediaStatus.Map(value, kind));
    }

    [Theory]
    [InlineData("2.7.3", true, SeerrServerKind.Jellyseerr)]
    [InlineData("v3.1.0", true, SeerrServerKind.Seerr)]
    [InlineData("3.0.0-beta.2", true, SeerrServerKind.Seerr)]
    [InlineData("1.33.2", false, SeerrServerKind.Overseerr)]
    [InlineData(null, true, SeerrServerKind.Jellyseerr)]
    [InlineData("develop", true, SeerrServerKind.Jellyseerr)]
    public void TheServerKindComesFromTheVersionAndWhetherItKnowsMediaServers(string? version, bool hasMediaServerType, SeerrServerKind expected)
    {
        Assert.Equal(expected, SeerrServerKinds.Detect(version, hasMediaServerType));
    }
}
