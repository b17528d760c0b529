using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// A device code Trakt issued: the user types <see cref="UserCode"/> at <see cref="VerificationUrl"/>, while
/// Aperture polls with <see cref="DeviceCode"/> (kept secret: with the app's secret it redeems the tokens).
/// </summary>
/// <param name="DeviceCode">The code Aperture polls with.</param>
/// <param name="UserCode">The code the user types.</param>
/// <param name="VerificationUrl">Where the user types it.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
/// <param name="Interval">How long to wait between polls.</param>
public sealed record TraktDeviceCode(string DeviceCode, string UserCode, Uri VerificationUrl, DateTimeOffset ExpiresAt, TimeSpan Interval)
{
    /// <inheritdoc />
    public override string ToString() => "TraktDeviceCode { " + UserCode + ", device code redacted }";
}
