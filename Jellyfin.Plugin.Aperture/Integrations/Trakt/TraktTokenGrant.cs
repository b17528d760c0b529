using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// A token pair Trakt issued for one user. <see cref="ToString"/> never shows a token, so a grant cannot leak into
/// a log line or an exception message.
/// </summary>
/// <param name="AccessToken">The Bearer token.</param>
/// <param name="RefreshToken">The single-use refresh token.</param>
/// <param name="IssuedAt">When Trakt issued it (its <c>created_at</c>).</param>
/// <param name="ExpiresAt">When the access token expires (<c>created_at + expires_in</c>).</param>
public sealed record TraktTokenGrant(string AccessToken, string RefreshToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => "TraktTokenGrant { tokens redacted, expires " + ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " }";
}
