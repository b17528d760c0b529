using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Runs an integration's connection test with its stored credentials, or with candidate credentials and URL that
/// are not saved yet (key rotation: new key, test, save, revoke the old one). A candidate URL other than the saved
/// one is tested with the typed credentials only, never with the saved key.
/// </summary>
public sealed class ConnectionTester
{
    private readonly IntegrationRegistry _registry;
    private readonly CredentialStore _credentials;
    private readonly IntegrationSettingsService _settings;
    private readonly IntegrationHealth _health;
    private readonly SecretRedactor _redactor;

    /// <summary>
    /// Initializes a new instance of the <see cref="ConnectionTester"/> class.
    /// </summary>
    /// <param name="registry">The integrations.</param>
    /// <param name="credentials">The credential store.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="health">The health recorder.</param>
    /// <param name="redactor">The redactor, told about candidate keys.</param>
    public ConnectionTester(IntegrationRegistry registry, CredentialStore credentials, IntegrationSettingsService settings, IntegrationHealth health, SecretRedactor redactor)
    {
        _registry = registry;
        _credentials = credentials;
        _settings = settings;
        _health = health;
        _redactor = redactor;
    }

    /// <summary>
    /// Tests an integration.
    /// </summary>
    /// <param name="id">The integration id.</param>
    /// <param name="candidateFields">Credential values to test instead of the stored ones (blank = stored), or null.</param>
    /// <param name="candidateBaseUrl">A base URL to test instead of the saved one, or null.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result, or why nothing could be tested.</returns>
    public async Task<(ConnectionTestResult? Result, string? Problem)> TestAsync(
        string id,
        IReadOnlyDictionary<string, string>? candidateFields,
        string? candidateBaseUrl,
        CancellationToken cancellationToken)
    {
        var integration = _registry.Get(id);
        var descriptor = integration.Descriptor;
        var (candidate, problem) = CredentialInput.Read(descriptor, candidateFields);
        if (problem is not null)
        {
            return (null, problem);
        }

        var savedUrl = _settings.GetBaseUrl(id);
        var baseUrl = savedUrl;
        if (!string.IsNullOrWhiteSpace(candidateBaseUrl) && !IntegrationSettingsService.TryParseBaseUrl(candidateBaseUrl, out baseUrl, out var error))
        {
            return (null, error);
        }

        if (baseUrl is null)
        {
            return (null, $"Enter the {descriptor.Name} URL first.");
        }

        // A saved key goes only to the address it was saved for; a test of another address uses only what was typed.
        var elsewhere = !KeyAddress.IsSame(savedUrl, baseUrl);
        var credentials = CredentialInput.Merge(elsewhere ? null : _credentials.Get(id), candidate);
        if (CredentialInput.Missing(descriptor, credentials) is [var missing, ..])
        {
            return (null, elsewhere
                ? $"Enter the {descriptor.Name} {missing.Label} to test this address: a saved key is only sent to the address it was saved for."
                : $"Nothing to test yet: enter the {descriptor.Name} {missing.Label}.");
        }

        _redactor.Remember(credentials);
        var isCandidate = candidate.Count > 0 || !string.IsNullOrWhiteSpace(candidateBaseUrl);
        var target = new IntegrationTarget(baseUrl, credentials, isCandidate, _settings.GetOptions(id));
        if (isCandidate)
        {
            return (await integration.TestConnectionAsync(target, cancellationToken).ConfigureAwait(false), null);
        }

        _health.TestStarted(id);
        ConnectionTestResult? result = null;
        try
        {
            result = await integration.TestConnectionAsync(target, cancellationToken).ConfigureAwait(false);
            return (result, null);
        }
        finally
        {
            _health.TestFinished(id, result);
        }
    }
}
