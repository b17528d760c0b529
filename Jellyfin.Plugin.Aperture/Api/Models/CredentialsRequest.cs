using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>Body of PUT /Aperture/Integrations/{id}/Credentials and of POST …/Test for a candidate.</summary>
public sealed class CredentialsRequest
{
    /// <summary>Gets the credential values by field name; blank values keep the stored value.</summary>
    public Dictionary<string, string>? Fields { get; init; }

    /// <summary>Gets or sets a base URL to test with instead of the saved one (test only).</summary>
    public string? BaseUrl { get; set; }
}
