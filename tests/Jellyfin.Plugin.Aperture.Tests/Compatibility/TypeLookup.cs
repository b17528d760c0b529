namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>The outcome of looking a referenced type up: the type, or why the runtime would not find it.</summary>
/// <param name="Type">The type found, or null.</param>
/// <param name="Problem">Why it was not found, or null.</param>
internal sealed record TypeLookup(ResolvedType? Type, string? Problem)
{
    public static TypeLookup Found(ResolvedType type) => new(type, null);

    public static TypeLookup Missing(string problem) => new(null, problem);
}
