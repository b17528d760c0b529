using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// A non-secret, service-specific setting (for example the AI provider's chat model).
/// </summary>
/// <param name="Name">The option name used by the API ("chatModel").</param>
/// <param name="Label">The label shown on the settings page.</param>
/// <param name="Help">What it is for, in one sentence.</param>
/// <param name="DefaultValue">The value used when the admin sets none, or null.</param>
/// <param name="Choices">The only values allowed, or null for free text; exactly "on" and "off" make a switch on the page.</param>
/// <param name="MaxLength">The longest value allowed, or null.</param>
public sealed record OptionField(string Name, string Label, string Help, string? DefaultValue, IReadOnlyList<string>? Choices = null, int? MaxLength = null);
