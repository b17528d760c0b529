namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>
/// What a Seerr user may request, from their permission bits and quota, checked before Aperture asks Seerr so a user
/// is told why at once and Aperture never does more than Seerr would allow that user.
/// </summary>
/// <param name="Movies">May request movies (REQUEST or REQUEST_MOVIE, or ADMIN).</param>
/// <param name="Series">May request series (REQUEST or REQUEST_TV, or ADMIN).</param>
/// <param name="Movies4k">May request movies in 4K.</param>
/// <param name="Series4k">May request series in 4K.</param>
/// <param name="AutoApproveMovies">Movie requests are approved at once.</param>
/// <param name="AutoApproveSeries">Series requests are approved at once.</param>
/// <param name="MoviesLeft">Movie requests left in the quota, or null for no limit.</param>
/// <param name="SeriesLeft">Series requests left in the quota, or null for no limit.</param>
public sealed record SeerrRights(bool Movies, bool Series, bool Movies4k, bool Series4k, bool AutoApproveMovies, bool AutoApproveSeries, int? MoviesLeft, int? SeriesLeft)
{
    /// <summary>
    /// Gets a value indicating whether the user may choose a request's server, quality profile and root folder
    /// (REQUEST_ADVANCED or MANAGE_REQUESTS, or ADMIN).
    /// </summary>
    public bool Advanced { get; init; }

    /// <summary>Reads the rights from a user's bits and quota.</summary>
    /// <param name="permissions">The permission bits.</param>
    /// <param name="quota">The quota, or null when unknown (then no quota is assumed spent; Seerr still checks).</param>
    /// <returns>The rights.</returns>
    public static SeerrRights From(long permissions, SeerrQuota? quota) => new(
        SeerrPermissions.HasAny(permissions, SeerrPermissions.Request | SeerrPermissions.RequestMovie),
        SeerrPermissions.HasAny(permissions, SeerrPermissions.Request | SeerrPermissions.RequestTv),
        SeerrPermissions.HasAny(permissions, SeerrPermissions.Request4k | SeerrPermissions.Request4kMovie),
        SeerrPermissions.HasAny(permissions, SeerrPermissions.Request4k | SeerrPermissions.Request4kTv),
        SeerrPermissions.HasAny(permissions, SeerrPermissions.AutoApprove | SeerrPermissions.AutoApproveMovie),
        SeerrPermissions.HasAny(permissions, SeerrPermissions.AutoApprove | SeerrPermissions.AutoApproveTv),
        quota?.MoviesLeft,
        quota?.SeriesLeft)
    {
        Advanced = SeerrPermissions.HasAny(permissions, SeerrPermissions.RequestAdvanced | SeerrPermissions.ManageRequests),
    };

    /// <summary>Tells whether the user may request in 4K.</summary>
    /// <param name="isMovie">True for a movie, false for a series.</param>
    /// <returns>True when allowed.</returns>
    public bool May4k(bool isMovie) => isMovie ? Movies4k : Series4k;

    /// <summary>Tells why a request may not be made, or null when it may.</summary>
    /// <param name="isMovie">True for a movie, false for a series.</param>
    /// <returns>The reason in the user's words, or null.</returns>
    public string? Refusal(bool isMovie)
    {
        if (isMovie ? !Movies : !Series)
        {
            return isMovie
                ? "Your Seerr account may not request movies. Ask your admin to give it the Request or Request Movies permission in Seerr."
                : "Your Seerr account may not request series. Ask your admin to give it the Request or Request Series permission in Seerr.";
        }

        return (isMovie ? MoviesLeft : SeriesLeft) == 0
            ? "Your Seerr request quota for " + (isMovie ? "movies" : "series") + " is used up; it renews as older requests age out of the quota period."
            : null;
    }
}
