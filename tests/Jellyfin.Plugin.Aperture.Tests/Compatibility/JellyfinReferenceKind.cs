namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>What a <see cref="JellyfinReference"/> points at.</summary>
internal enum JellyfinReferenceKind
{
    /// <summary>A type (a TypeReference row).</summary>
    Type,

    /// <summary>A method, constructor or property/event accessor (a MemberReference with a method signature).</summary>
    Method,

    /// <summary>A field (a MemberReference with a field signature).</summary>
    Field,
}
