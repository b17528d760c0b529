namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A credential field as the page shows it: never its value.</summary>
public sealed class CredentialFieldView
{
    /// <summary>Gets the field name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the label.</summary>
    public required string Label { get; init; }

    /// <summary>Gets a value indicating whether it is required.</summary>
    public bool Required { get; init; }

    /// <summary>Gets the help text.</summary>
    public required string Help { get; init; }

    /// <summary>Gets a value indicating whether a value is stored.</summary>
    public bool Configured { get; init; }

    /// <summary>Gets the short mask of the stored value ("••••1a2b"), or null.</summary>
    public string? Mask { get; init; }
}
