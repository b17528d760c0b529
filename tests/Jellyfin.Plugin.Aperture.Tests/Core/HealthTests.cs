using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

public sealed class HealthTests : IDisposable
{
    private readonly RecordingNotifier _notifier = new();
    private readonly TestHost _host;

    public HealthTests()
    {
        _host = new TestHost(s => s.AddSingleton<IAlertNotifier>(_notifier));
        _host.Fake.Recorder = _host.Get<IHealthRecorder>();
    }

    private IHealthRecorder Recorder => _host.Get<IHealthRecorder>();

    private ConnectionTester Tester => _host.Get<ConnectionTester>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void WithoutAKeyTheServiceIsNotConfiguredAndSaysWhatIsUnavailable()
    {
        var view = Status();

        Assert.Equal("NotConfigured", view.Status);
        Assert.Contains("Fake scores", view.Reason, StringComparison.Ordinal);
        Assert.False(view.Configured);
    }

    [Fact]
    public async Task GoodKeyTestedGivesConnected()
    {
        SaveKey();
        Assert.Equal("Warning", Status().Status); // saved, not tested yet

        var (result, _) = await Tester.TestAsync(FakeIntegration.Id, null, null, CancellationToken.None);

        Assert.True(result!.Succeeded);
        var view = Status();
        Assert.Equal("Connected", view.Status);
        Assert.NotNull(view.LastSuccess);
        Assert.Equal("default-model", _host.Fake.Targets.Single().Options["model"]);
    }

    [Fact]
    public async Task RefusedKeyOpensOneAuthenticationAlertThatCountsRepeatsAndGoesToTheNotifierOnce()
    {
        SaveKey();
        _host.Fake.NextAnswer = Failure(UpstreamOutcome.Authentication, "Fake refused the key");

        await Tester.TestAsync(FakeIntegration.Id, null, null, CancellationToken.None);
        await Tester.TestAsync(FakeIntegration.Id, null, null, CancellationToken.None);

        var alert = Assert.Single(_host.Get<AlertStore>().ListOpen());
        Assert.Equal(AlertKind.Authentication, alert.Kind);
        Assert.Equal(AlertSeverity.Error, alert.Severity);
        Assert.Equal(2, alert.Count);
        Assert.Equal("Error", Status().Status);
        Assert.Single(_notifier.Opened);
    }

    [Theory]
    [InlineData(UpstreamOutcome.RateLimited, AlertKind.RateLimit, AlertSeverity.Warning)]
    [InlineData(UpstreamOutcome.QuotaExhausted, AlertKind.Quota, AlertSeverity.Warning)]
    [InlineData(UpstreamOutcome.Outage, AlertKind.Outage, AlertSeverity.Info)]
    [InlineData(UpstreamOutcome.BadResponse, AlertKind.BadResponse, AlertSeverity.Warning)]
    public void DegradedAnswersOpenTheirAlertAndShowWarning(UpstreamOutcome outcome, AlertKind kind, AlertSeverity severity)
    {
        SaveKey();

        Recorder.Record(FakeIntegration.Id, Failure(outcome, "it went wrong"), isConnectionTest: false, isCandidate: false);

        var alert = Assert.Single(_host.Get<AlertStore>().ListOpen());
        Assert.Equal(kind, alert.Kind);
        Assert.Equal(severity, alert.Severity);
        Assert.False(string.IsNullOrWhiteSpace(alert.Action));
        Assert.Equal("Warning", Status().Status);
    }

    [Fact]
    public void NextSuccessfulCallClearsTheAlertsWithNoClick()
    {
        SaveKey();
        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.Outage, "down"), false, false);
        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.RateLimited, "slow down"), false, false);
        Assert.Equal(2, _host.Get<AlertStore>().ListOpen().Count);

        Recorder.Record(FakeIntegration.Id, new UpstreamResponse { Outcome = UpstreamOutcome.Success }, false, false);

        Assert.Empty(_host.Get<AlertStore>().ListOpen());
        Assert.Equal("Connected", Status().Status);
        Assert.Equal(2, _notifier.Resolved.Count(r => r == "recovered"));
    }

    [Fact]
    public async Task CandidateKeyTestChangesNeitherTheSavedKeyNorItsAlerts()
    {
        SaveKey();
        _host.Fake.NextAnswer = Failure(UpstreamOutcome.Authentication, "refused");

        var (result, _) = await Tester.TestAsync(FakeIntegration.Id, new Dictionary<string, string> { ["apiKey"] = "candidate-key-123456" }, null, CancellationToken.None);

        Assert.False(result!.Succeeded);
        Assert.True(_host.Fake.Targets.Single().IsCandidate);
        Assert.Equal("candidate-key-123456", _host.Fake.Targets.Single().Credentials.Get("apiKey"));
        Assert.Empty(_host.Get<AlertStore>().ListOpen());
        Assert.Equal("saved-key-value-abcdef", _host.Get<Jellyfin.Plugin.Aperture.Secrets.CredentialStore>().Get(FakeIntegration.Id)!.Get("apiKey"));
    }

    [Fact]
    public void DismissClosesTheAlertUntilItHappensAgain()
    {
        SaveKey();
        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.Outage, "down"), false, false);
        var alert = _host.Get<AlertStore>().ListOpen().Single();

        Assert.NotNull(_host.Get<AlertStore>().Dismiss(alert.Id, _host.Time.GetUtcNow()));
        Assert.Empty(_host.Get<AlertStore>().ListOpen());
        Assert.Null(_host.Get<AlertStore>().Dismiss(alert.Id, _host.Time.GetUtcNow()));

        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.Outage, "down again"), false, false);
        Assert.Equal(1, _host.Get<AlertStore>().ListOpen().Single().Count);
    }

    [Fact]
    public async Task OutageProbeClearsTheAlertOnceTheServiceIsBack()
    {
        SaveKey();
        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.Outage, "down"), false, false);
        var probe = _host.Provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutageProbe>().Single();

        _host.Fake.NextAnswer = Failure(UpstreamOutcome.Outage, "still down");
        Assert.Equal(1, await probe.ProbeOnceAsync(CancellationToken.None));
        Assert.Single(_host.Get<AlertStore>().ListOpen());

        _host.Fake.NextAnswer = new UpstreamResponse { Outcome = UpstreamOutcome.Success };
        Assert.Equal(1, await probe.ProbeOnceAsync(CancellationToken.None));
        Assert.Empty(_host.Get<AlertStore>().ListOpen());
        Assert.Equal(0, await probe.ProbeOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OutageProbeNeverLiftsASpentDailyQuota()
    {
        SaveKey();
        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.Outage, "down"), false, false);
        var now = _host.Time.GetUtcNow();
        _host.Get<AlertStore>().Open(FakeIntegration.Id, AlertKind.Quota, AlertSeverity.Warning, "daily quota spent", "wait for the reset", now.AddHours(6), now);
        var probe = _host.Provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutageProbe>().Single();
        _host.Fake.NextAnswer = new UpstreamResponse { Outcome = UpstreamOutcome.Success };

        // The probe is a connection test, and a connection test may lift a spent quota: it waits for the reset.
        Assert.Equal(0, await probe.ProbeOnceAsync(CancellationToken.None));
        Assert.Contains(_host.Get<AlertStore>().ListOpen(), a => a.Kind == AlertKind.Quota);
    }

    [Fact]
    public void ClearingTheKeyClosesItsAlertsAndTurnsTheServiceOff()
    {
        SaveKey();
        Recorder.Record(FakeIntegration.Id, Failure(UpstreamOutcome.Authentication, "refused"), false, false);

        _host.Get<CredentialAdmin>().Clear(FakeIntegration.Id);

        Assert.Empty(_host.Get<AlertStore>().ListOpen());
        Assert.Equal("NotConfigured", Status().Status);
        Assert.Contains("unavailable until a key is saved: Fake scores", _host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void SavingRefusesKeysWithSpacesAndUnknownFieldsAndKeepsTheStoredKey()
    {
        SaveKey();
        var admin = _host.Get<CredentialAdmin>();

        Assert.NotNull(admin.Save(FakeIntegration.Id, new Dictionary<string, string> { ["apiKey"] = "two words" }));
        Assert.NotNull(admin.Save(FakeIntegration.Id, new Dictionary<string, string> { ["password"] = "x" }));
        Assert.NotNull(admin.Save(FakeIntegration.Id, new Dictionary<string, string> { ["apiKey"] = " " }));

        Assert.Equal("saved-key-value-abcdef", _host.Get<Jellyfin.Plugin.Aperture.Secrets.CredentialStore>().Get(FakeIntegration.Id)!.Get("apiKey"));
    }

    private static UpstreamResponse Failure(UpstreamOutcome outcome, string message) => new() { Outcome = outcome, Message = message };

    private void SaveKey() =>
        Assert.Null(_host.Get<CredentialAdmin>().Save(FakeIntegration.Id, new Dictionary<string, string> { ["apiKey"] = "saved-key-value-abcdef" }));

    private IntegrationView Status() => _host.Get<IntegrationStatusService>().Get(FakeIntegration.Id);

    private sealed class RecordingNotifier : IAlertNotifier
    {
        public List<Alert> Opened { get; } = new();

        public List<string> Resolved { get; } = new();

        void IAlertNotifier.Opened(Alert alert) => Opened.Add(alert);

        void IAlertNotifier.Resolved(Alert alert, string resolution) => Resolved.Add(resolution);
    }
}
