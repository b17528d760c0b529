using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Builds what the dashboard shows for each integration: its status and why, its (masked) credentials, settings,
/// budget and recent history.
/// </summary>
public sealed class IntegrationStatusService
{
    private readonly IntegrationRegistry _registry;
    private readonly CredentialStore _credentials;
    private readonly IntegrationSettingsService _settings;
    private readonly IntegrationHealth _health;
    private readonly AlertStore _alerts;
    private readonly IUpstreamBudgetMonitor _budgets;

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationStatusService"/> class.
    /// </summary>
    /// <param name="registry">The integrations.</param>
    /// <param name="credentials">The credential store.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="health">The health recorder.</param>
    /// <param name="alerts">The alert store.</param>
    /// <param name="budgets">The budget monitor.</param>
    public IntegrationStatusService(
        IntegrationRegistry registry,
        CredentialStore credentials,
        IntegrationSettingsService settings,
        IntegrationHealth health,
        AlertStore alerts,
        IUpstreamBudgetMonitor budgets)
    {
        _registry = registry;
        _credentials = credentials;
        _settings = settings;
        _health = health;
        _alerts = alerts;
        _budgets = budgets;
    }

    /// <summary>
    /// Tells whether an integration is set up enough to be called; features use this to switch themselves off.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>True when every required credential is stored and readable and a base URL is known.</returns>
    public bool IsConfigured(string id)
    {
        return IsConfiguredState(_registry.Get(id).Descriptor, _credentials.GetState(id), _settings.GetBaseUrl(id));
    }

    /// <summary>
    /// Builds the view of every integration, in setup order.
    /// </summary>
    /// <returns>The views.</returns>
    public IReadOnlyList<IntegrationView> GetAll()
    {
        var openAlerts = _alerts.ListOpen();
        return _registry.All.Select(i => Build(i, openAlerts)).ToArray();
    }

    /// <summary>
    /// Builds the view of one integration.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>The view.</returns>
    public IntegrationView Get(string id) => Build(_registry.Get(id), _alerts.ListOpen());

    private static bool HasRequiredFields(IntegrationDescriptor descriptor, CredentialState state) =>
        descriptor.CredentialFields.Where(f => f.Required).All(f => state.Masks.ContainsKey(f.Name));

    private static string PriorityLabel(IntegrationPriority priority) => priority switch
    {
        IntegrationPriority.Essential => "Essential",
        IntegrationPriority.HighlyRecommended => "Highly recommended",
        IntegrationPriority.Recommended => "Recommended",
        _ => "Optional",
    };

    private IntegrationView Build(IIntegration integration, IReadOnlyList<Alert> openAlerts)
    {
        var descriptor = integration.Descriptor;
        var id = descriptor.Id;
        var state = _credentials.GetState(id);
        var baseUrl = _settings.GetBaseUrl(id);
        var record = _health.Get(id);
        var limits = _settings.GetLimits(id);
        var options = _settings.GetOptions(id);
        // A user's account over a Trakt limit, or one user's rate limit, is that user's problem, not the service's status.
        var alerts = openAlerts
            .Where(a => string.Equals(a.Service, id, StringComparison.OrdinalIgnoreCase) && a.Scope is null && a.Kind != AlertKind.AccountLimit)
            .ToList();
        var (status, reason) = Evaluate(descriptor, state, baseUrl, record, alerts);
        var budget = _budgets.GetSnapshot(id);

        return new IntegrationView
        {
            Id = id,
            Name = descriptor.Name,
            SetupOrder = descriptor.SetupOrder,
            Priority = PriorityLabel(descriptor.Priority),
            Purpose = descriptor.Purpose,
            Status = status.ToString(),
            Reason = reason,
            Configured = IsConfiguredState(descriptor, state, baseUrl),
            Credentials = descriptor.CredentialFields.Select(f => new CredentialFieldView
            {
                Name = f.Name,
                Label = f.Label,
                Required = f.Required,
                Help = f.Help,
                Configured = state.Masks.ContainsKey(f.Name),
                Mask = state.Masks.TryGetValue(f.Name, out var mask) ? mask : null,
            }).ToArray(),
            Options = descriptor.OptionFields.Select(f => new OptionView
            {
                Name = f.Name,
                Label = f.Label,
                Help = f.Help,
                Value = options.TryGetValue(f.Name, out var value) ? value : null,
                Choices = f.Choices,
                MaxLength = f.MaxLength,
            }).ToArray(),
            BaseUrl = baseUrl?.AbsoluteUri,
            DefaultBaseUrl = descriptor.DefaultBaseUrl?.AbsoluteUri,
            Limits = new LimitsView
            {
                RequestsPerWindow = limits.RequestsPerWindow,
                WindowSeconds = (int)limits.Window.TotalSeconds,
                WritesPerSecond = limits.WritesPerSecond,
                DailyQuota = limits.DailyQuota,
                MaxConcurrency = limits.MaxConcurrency,
                TimeoutSeconds = (int)limits.Timeout.TotalSeconds,
            },
            Budget = new BudgetView
            {
                UsedInWindow = budget.RequestsInWindow,
                WindowLimit = budget.RequestsPerWindow,
                UsedToday = budget.DailyQuota is null ? null : budget.UsedToday,
                DailyQuota = budget.DailyQuota,
                PausedUntil = Later(budget.PausedUntil, budget.ParkedUntil),
                Queued = budget.QueuedInteractive + budget.QueuedBackground,
            },
            LastSuccess = record.LastSuccessAt,
            LastErrorAt = record.LastErrorAt,
            LastError = record.LastError,
            DependentFeatures = descriptor.DependentFeatures,
            SignUpUrl = descriptor.SignUpUrl.AbsoluteUri,
        };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static bool IsConfiguredState(IntegrationDescriptor descriptor, CredentialState state, Uri? baseUrl) =>
        state.Status == CredentialStatus.Set && HasRequiredFields(descriptor, state) && baseUrl is not null;

    private (IntegrationStatus Status, string Reason) Evaluate(IntegrationDescriptor descriptor, CredentialState state, Uri? baseUrl, HealthRecord record, List<Alert> alerts)
    {
        var unavailable = string.Join(", ", descriptor.DependentFeatures);
        if (state.Status == CredentialStatus.NotSet)
        {
            return (IntegrationStatus.NotConfigured, $"No key saved. Unavailable: {unavailable}.");
        }

        if (state.Status == CredentialStatus.Unreadable)
        {
            return (IntegrationStatus.Error, "The saved key can no longer be decrypted (Aperture's key file was lost or replaced). Re-enter your key.");
        }

        if (_health.IsTesting(descriptor.Id))
        {
            return (IntegrationStatus.Testing, "Testing the connection…");
        }

        var missing = descriptor.CredentialFields.Where(f => f.Required && !state.Masks.ContainsKey(f.Name)).Select(f => f.Label).ToList();
        if (missing.Count > 0)
        {
            return (IntegrationStatus.Warning, $"Partly set up: {string.Join(" and ", missing)} missing.");
        }

        if (baseUrl is null)
        {
            return (IntegrationStatus.Warning, $"Partly set up: enter the {descriptor.Name} URL.");
        }

        var authentication = alerts.FirstOrDefault(a => a.Kind == AlertKind.Authentication);
        if (authentication is not null)
        {
            return (IntegrationStatus.Error, authentication.Message);
        }

        var degraded = alerts.OrderBy(a => a.Severity).FirstOrDefault();
        if (degraded is not null)
        {
            return (IntegrationStatus.Warning, degraded.Message);
        }

        if (record.LastSuccessAt is null)
        {
            return (IntegrationStatus.Warning, "Saved but not tested yet: press Test Connection.");
        }

        if (record.Warning is not null)
        {
            return (IntegrationStatus.Warning, record.Warning);
        }

        return (IntegrationStatus.Connected, "Connected.");
    }
}
