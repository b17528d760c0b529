using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A service-specific option with its effective value.</summary>
public sealed class OptionView
{
    /// <summary>Gets the option name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the label.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the help text.</summary>
    public required string Help { get; init; }

    /// <summary>Gets the effective value.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the only values allowed, or null for free text ("on" and "off": a switch).</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Gets the longest value allowed, or null.</summary>
    public int? MaxLength { get; init; }
}
