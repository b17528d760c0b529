using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>Finds each Jellyfin user's Seerr account and rights, from Seerr's current user list and the admin's choices.</summary>
public sealed class SeerrAccounts
{
    /// <summary>Told to a user with no Seerr account.</summary>
    public const string NotMapped =
        "Your Jellyfin account is not linked to a Seerr user, so you cannot request titles here. Ask your admin to import you into Seerr or to choose your Seerr user on the Aperture settings page.";

    private readonly SeerrClient _client;
    private readonly SeerrUserChoices _choices;

    /// <summary>Initializes a new instance of the <see cref="SeerrAccounts"/> class.</summary>
    /// <param name="client">The Seerr client.</param>
    /// <param name="choices">The admin's choices.</param>
    public SeerrAccounts(SeerrClient client, SeerrUserChoices choices)
    {
        _client = client;
        _choices = choices;
    }

    /// <summary>Finds one user's account, permissions and quota.</summary>
    /// <param name="jellyfinUserId">The Jellyfin user.</param>
    /// <param name="jellyfinName">The Jellyfin user name.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The account.</returns>
    public async Task<SeerrAccount> GetAsync(Guid jellyfinUserId, string jellyfinName, CancellationToken cancellationToken)
    {
        var users = await _client.GetUsersAsync(RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        if (users.Value is null)
        {
            return new SeerrAccount(null, null, "Seerr could not be asked who you are: " + users.Message);
        }

        var choice = _choices.All().TryGetValue(jellyfinUserId, out var chosen) ? chosen : (long?)null;
        var match = SeerrUserMatch.Find(jellyfinUserId, jellyfinName, users.Value, choice);
        if (match.User is null)
        {
            return new SeerrAccount(match, null, NotMapped);
        }

        // The quota is read fresh: a stale "1 left" would let a user past Seerr's limit.
        var quota = await _client.GetQuotaAsync(match.User.Id, RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        var rights = SeerrRights.From(match.User.Permissions, quota.Value);
        return new SeerrAccount(match, rights, null);
    }

    /// <summary>Lists how each Jellyfin user maps, for the admin.</summary>
    /// <param name="jellyfinUsers">Every Jellyfin user (id, name).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Each user's match, plus the Seerr users to choose from; null lists with the reason when Seerr failed.</returns>
    public async Task<(IReadOnlyList<(Guid UserId, string Name, SeerrUserMatch Match)>? Rows, IReadOnlyList<SeerrUser>? SeerrUsers, string Message)> ListAsync(
        IReadOnlyList<(Guid UserId, string Name)> jellyfinUsers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jellyfinUsers);
        var users = await _client.GetUsersAsync(RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        if (users.Value is null)
        {
            return (null, null, users.Message);
        }

        var choices = _choices.All();
        var rows = new List<(Guid, string, SeerrUserMatch)>();
        foreach (var (id, name) in jellyfinUsers)
        {
            rows.Add((id, name, SeerrUserMatch.Find(id, name, users.Value, choices.TryGetValue(id, out var c) ? c : null)));
        }

        return (rows, users.Value, users.Message);
    }
}
