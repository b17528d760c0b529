using System;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>A stored missing title with where it came from.</summary>
/// <param name="Source">The feature that found it (see <see cref="MissingTitleSources"/>).</param>
/// <param name="List">The list within the source (a list id, or the source's own name).</param>
/// <param name="UserId">The user it belongs to, or null for a server-wide list.</param>
/// <param name="Title">The title.</param>
/// <param name="UpdatedAt">When the source last reported it.</param>
public sealed record MissingTitleEntry(string Source, string List, Guid? UserId, MissingTitle Title, DateTimeOffset UpdatedAt);
