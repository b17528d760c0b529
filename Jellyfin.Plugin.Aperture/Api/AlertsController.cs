using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Mime;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Common.Api;
using MediaBrowser.Controller.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Admin API for the alerts banner: open alerts and dismissing one.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.RequiresElevation)]
[Route("Aperture/Alerts")]
[Produces(MediaTypeNames.Application.Json)]
public class AlertsController : ControllerBase
{
    private readonly AlertStore _alerts;
    private readonly IntegrationRegistry _registry;
    private readonly IntegrationHealth _health;
    private readonly System.TimeProvider _time;
    private readonly IUserManager _userManager;
    private readonly ILogger<AlertsController> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="AlertsController"/> class.
    /// </summary>
    /// <param name="alerts">The alert store.</param>
    /// <param name="registry">The integrations.</param>
    /// <param name="health">The health recorder.</param>
    /// <param name="time">The clock.</param>
    /// <param name="userManager">Jellyfin's users (an account-limit alert names its user).</param>
    /// <param name="logger">The logger.</param>
    public AlertsController(AlertStore alerts, IntegrationRegistry registry, IntegrationHealth health, System.TimeProvider time, IUserManager userManager, ILogger<AlertsController> logger)
    {
        _userManager = userManager;
        _logger = logger;
        _alerts = alerts;
        _registry = registry;
        _health = health;
        _time = time;
    }

    /// <summary>
    /// Lists the open alerts, most severe first.
    /// </summary>
    /// <returns>The alerts.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult<IReadOnlyList<AlertView>> GetAlerts()
    {
        var open = _alerts.ListOpen();
        var names = open.Any(a => a.Scope is not null)
            ? UserManagerCompat.GetUsers(_userManager, _logger).ToDictionary(u => u.Id.ToString("N"), u => u.Username, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>();
        return Ok(open.Select(a => new AlertView
        {
            Id = a.Id,
            Service = a.Service,
            ServiceName = _registry.TryGet(a.Service, out var integration) ? integration.Descriptor.Name
                : a.Service == TopPicks.TopPicksSync.AlertService ? "Top Picks (MDBList)" : a.Service,
            Kind = a.Kind.ToString(),
            Severity = a.Severity.ToString(),
            Message = a.Message,
            Action = a.Action,
            Count = a.Count,
            FirstSeen = a.FirstSeen,
            LastSeen = a.LastSeen,
            ResetAt = a.ResetAt,
            UserId = a.Scope,
            UserName = a.Scope is { } scope && names.TryGetValue(scope, out var name) ? name : null,
        }).ToArray());
    }

    /// <summary>
    /// Dismisses an open alert. It opens again if the problem happens again.
    /// </summary>
    /// <param name="alertId">The alert id.</param>
    /// <returns>No content, or 404 when no open alert has that id.</returns>
    [HttpPost("{alertId}/Dismiss")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult Dismiss([FromRoute] long alertId)
    {
        var dismissed = _alerts.Dismiss(alertId, _time.GetUtcNow());
        if (dismissed is null)
        {
            return NotFound(new ErrorView { Message = "No open alert has that id." });
        }

        _health.NotifyDismissed(dismissed);
        return NoContent();
    }
}
