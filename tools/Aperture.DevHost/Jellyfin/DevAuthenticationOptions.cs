using Microsoft.AspNetCore.Authentication;

namespace Aperture.DevHost.Jellyfin;

/// <summary>Options of <see cref="DevAuthenticationHandler"/>.</summary>
public sealed class DevAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Gets or sets the one admin token the dev host accepts.</summary>
    public string AdminToken { get; set; } = string.Empty;
}
