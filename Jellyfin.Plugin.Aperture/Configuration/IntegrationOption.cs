namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>A named, non-secret option value of an integration (XML-friendly, unlike a dictionary).</summary>
public class IntegrationOption
{
    /// <summary>Gets or sets the option name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the option value.</summary>
    public string Value { get; set; } = string.Empty;
}
