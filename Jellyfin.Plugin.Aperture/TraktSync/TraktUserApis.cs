using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.TraktAccounts;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Builds a linked user's <see cref="TraktUserApi"/> for the per-user features, or says why none can be built (no
/// Client ID saved, the user not linked or asked to link again), so every feature skips a user for the same reasons.
/// </summary>
public sealed class TraktUserApis
{
    private readonly StoredTargets _targets;
    private readonly TraktUserTokens _tokens;
    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktUserApis"/> class.
    /// </summary>
    /// <param name="targets">Trakt's saved target and app id.</param>
    /// <param name="tokens">The users' access tokens.</param>
    /// <param name="pipeline">The upstream pipeline.</param>
    public TraktUserApis(StoredTargets targets, TraktUserTokens tokens, IUpstreamPipeline pipeline)
    {
        _targets = targets;
        _tokens = tokens;
        _pipeline = pipeline;
    }

    /// <summary>
    /// Gets a user's API, built with the user's tokens: a 401 refreshes once, then marks the user "link again".
    /// </summary>
    /// <param name="userId">The Jellyfin user.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The API, or why the user is skipped.</returns>
    public async Task<(TraktUserApi? Api, string? Skipped)> ForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_targets.Get(IntegrationIds.Trakt, "clientId", out var clientId) is not { } target)
        {
            return (null, "Trakt's Client ID is not saved on the Aperture settings page");
        }

        var access = await _tokens.GetValidAccessTokenAsync(userId, cancellationToken).ConfigureAwait(false);
        return access.Status == TraktAccessStatus.Valid
            ? (new TraktUserApi(_pipeline, target, clientId, userId, _tokens), null)
            : (null, access.Message);
    }
}
