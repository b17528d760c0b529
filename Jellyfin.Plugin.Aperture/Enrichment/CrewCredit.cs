namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// One crew credit.
/// </summary>
/// <param name="Name">The person's name.</param>
/// <param name="Job">The TMDb job, e.g. "Director of Photography", "Original Music Composer", "Editor".</param>
/// <param name="TmdbPersonId">The TMDb person id, if known.</param>
public sealed record CrewCredit(string Name, string Job, string? TmdbPersonId);
