namespace Aperture.Emulators.Catalog;

/// <summary>An actor and the character they play.</summary>
/// <param name="Name">The actor.</param>
/// <param name="Character">The character.</param>
public sealed record CastMember(string Name, string Character);
