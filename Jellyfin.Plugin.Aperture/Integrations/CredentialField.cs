namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>One credential input of an integration.</summary>
/// <param name="Name">The field name used by the API ("apiKey", "clientId", …).</param>
/// <param name="Label">The label shown on the settings page.</param>
/// <param name="Required">Whether the integration needs it to work.</param>
/// <param name="Help">Where to get it, in one sentence.</param>
public sealed record CredentialField(string Name, string Label, bool Required, string Help);
