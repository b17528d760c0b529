namespace Aperture.Emulators.Catalog;

/// <summary>A movie inside a TMDb collection.</summary>
/// <param name="TmdbId">The movie's TMDb id.</param>
/// <param name="Title">The movie's title.</param>
/// <param name="ReleaseDate">The release date, <c>yyyy-MM-dd</c>.</param>
public sealed record CollectionPart(int TmdbId, string Title, string ReleaseDate);
