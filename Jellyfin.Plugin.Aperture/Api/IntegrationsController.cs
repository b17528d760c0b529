using System.Collections.Generic;
using System.Net.Mime;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using MediaBrowser.Common.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Admin API for the six integrations: status, write-only credentials, connection tests and settings.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.RequiresElevation)]
[Route("Aperture/Integrations")]
[Produces(MediaTypeNames.Application.Json)]
public class IntegrationsController : ControllerBase
{
    private readonly IntegrationRegistry _registry;
    private readonly IntegrationStatusService _status;
    private readonly CredentialAdmin _credentials;
    private readonly ConnectionTester _tester;
    private readonly IntegrationSettingsAdmin _settings;

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationsController"/> class.
    /// </summary>
    /// <param name="registry">The integrations.</param>
    /// <param name="status">The status service.</param>
    /// <param name="credentials">The credential admin.</param>
    /// <param name="tester">The connection tester.</param>
    /// <param name="settings">The settings admin.</param>
    public IntegrationsController(IntegrationRegistry registry, IntegrationStatusService status, CredentialAdmin credentials, ConnectionTester tester, IntegrationSettingsAdmin settings)
    {
        _registry = registry;
        _status = status;
        _credentials = credentials;
        _tester = tester;
        _settings = settings;
    }

    /// <summary>
    /// Lists every integration with its status, in the recommended setup order.
    /// </summary>
    /// <returns>The integrations.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult<IReadOnlyList<IntegrationView>> GetIntegrations() => Ok(_status.GetAll());

    /// <summary>
    /// Saves (or replaces) an integration's credentials. They can never be read back.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="request">The credential values.</param>
    /// <returns>The integration.</returns>
    [HttpPut("{id}/Credentials")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<IntegrationView> SaveCredentials([FromRoute] string id, [FromBody] CredentialsRequest request)
    {
        if (!_registry.TryGet(id, out var integration))
        {
            return UnknownIntegration(id);
        }

        var problem = _credentials.Save(integration.Descriptor.Id, request?.Fields);
        return problem is null ? Ok(_status.Get(integration.Descriptor.Id)) : BadRequest(new ErrorView { Message = problem });
    }

    /// <summary>
    /// Clears an integration's credentials, which turns the integration off.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <returns>The integration.</returns>
    [HttpDelete("{id}/Credentials")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<IntegrationView> ClearCredentials([FromRoute] string id)
    {
        if (!_registry.TryGet(id, out var integration))
        {
            return UnknownIntegration(id);
        }

        _credentials.Clear(integration.Descriptor.Id);
        return Ok(_status.Get(integration.Descriptor.Id));
    }

    /// <summary>
    /// Tests the stored credentials, or candidate ones given in the body before they are saved.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="request">Optional candidate credentials and base URL.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The test result.</returns>
    [HttpPost("{id}/Test")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<TestResultView>> Test([FromRoute] string id, [FromBody] CredentialsRequest? request, CancellationToken cancellationToken)
    {
        if (!_registry.TryGet(id, out var integration))
        {
            return UnknownIntegration(id);
        }

        var serviceId = integration.Descriptor.Id;
        var (result, problem) = await _tester.TestAsync(serviceId, request?.Fields, request?.BaseUrl, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return BadRequest(new ErrorView { Message = problem ?? "Nothing to test." });
        }

        var isCandidate = (request?.Fields?.Count ?? 0) > 0 || !string.IsNullOrWhiteSpace(request?.BaseUrl);
        return Ok(new TestResultView
        {
            Success = result.Succeeded,
            Outcome = result.Outcome.ToString(),
            Message = result.Message,
            Warning = result.Warning,
            Details = result.Details,
            Integration = isCandidate ? null : _status.Get(serviceId),
        });
    }

    /// <summary>
    /// Changes an integration's base URL, limits and options. Only the fields sent change (null: back to the
    /// default); an invalid or out-of-bounds value is refused and nothing is changed. A new base URL while a key is
    /// saved is refused unless the key is typed again in <see cref="SettingsRequest.Fields"/>.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="request">The fields to change.</param>
    /// <returns>The integration.</returns>
    [HttpPut("{id}/Settings")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<IntegrationView> SaveSettings([FromRoute] string id, [FromBody] SettingsRequest request)
    {
        if (!_registry.TryGet(id, out var integration))
        {
            return UnknownIntegration(id);
        }

        if (request is null)
        {
            return BadRequest(new ErrorView { Message = "Send the settings to change." });
        }

        var problem = _settings.Save(integration.Descriptor.Id, request.ApplyTo, request.Fields);
        return problem is null ? Ok(_status.Get(integration.Descriptor.Id)) : BadRequest(new ErrorView { Message = problem });
    }

    private NotFoundObjectResult UnknownIntegration(string id) =>
        NotFound(new ErrorView { Message = $"Unknown integration '{id}'. Known: tmdb, omdb, trakt, mdblist, seerr, ai." });
}
