namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>One thing the plugin needs that a Jellyfin installation does not provide.</summary>
/// <param name="Signature">What is missing, e.g. a <see cref="JellyfinReference"/>'s text.</param>
/// <param name="Reason">What was found instead.</param>
internal sealed record CompatibilityMiss(string Signature, string Reason)
{
    public override string ToString() => "  " + Signature + System.Environment.NewLine + "      " + Reason;
}
