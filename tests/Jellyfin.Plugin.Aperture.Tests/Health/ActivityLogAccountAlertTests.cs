using System;
using System.Threading.Tasks;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Model.Activity;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Health;

/// <summary>An alert about one user's Trakt account says whose in Jellyfin's activity log; a service alert does not.</summary>
public sealed class ActivityLogAccountAlertTests
{
    [Theory]
    [InlineData("0f8fad5bd9cb469fa16570867728950e", "Aperture: trakt AccountLimit alert for user 0f8fad5bd9cb469fa16570867728950e")]
    [InlineData(null, "Aperture: trakt AccountLimit alert")]
    public async Task TheEntryNamesTheUserOfAnAccountAlert(string? scope, string expected)
    {
        var written = new TaskCompletionSource<ActivityLog>();
        var activity = new Mock<IActivityManager>();
        activity.Setup(a => a.CreateAsync(It.IsAny<ActivityLog>())).Callback((ActivityLog entry) => written.TrySetResult(entry)).Returns(Task.CompletedTask);
        var notifier = new ActivityLogAlertNotifier(activity.Object, NullLogger<ActivityLogAlertNotifier>.Instance);
        var now = DateTimeOffset.UtcNow;

        notifier.Opened(new Alert(1, "trakt", AlertKind.AccountLimit, AlertSeverity.Warning, "over the watchlist size limit", "remove items", 1, now, now, null, null, null, scope));

        var entry = await written.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(expected, entry.Name);
        Assert.Equal("over the watchlist size limit", entry.ShortOverview);
    }
}
