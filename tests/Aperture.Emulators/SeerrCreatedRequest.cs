namespace Aperture.Emulators;

/// <summary>A request the Seerr emulator created.</summary>
/// <param name="Id">The request id.</param>
/// <param name="UserId">The Seerr user it is credited to.</param>
/// <param name="ActingUserId">The Seerr user whose credentials made it (1 for the API key alone).</param>
/// <param name="MediaType">"movie" or "tv".</param>
/// <param name="TmdbId">The TMDb id.</param>
/// <param name="Seasons">"all", the chosen season numbers joined by commas, or empty for a movie.</param>
/// <param name="Status">1 pending, 2 approved.</param>
public sealed record SeerrCreatedRequest(int Id, int UserId, int ActingUserId, string MediaType, int TmdbId, string Seasons, int Status)
{
    /// <summary>Gets the body's <c>serverId</c>, or null when absent.</summary>
    public int? ServerId { get; init; }

    /// <summary>Gets the body's <c>profileId</c>, or null when absent.</summary>
    public int? ProfileId { get; init; }

    /// <summary>Gets the body's <c>rootFolder</c>, or null when absent.</summary>
    public string? RootFolder { get; init; }

    /// <summary>Gets a value indicating whether the body asked for 4K (<c>is4k</c>).</summary>
    public bool Is4k { get; init; }
}
