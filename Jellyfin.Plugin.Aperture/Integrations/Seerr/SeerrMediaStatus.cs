namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>
/// Maps Seerr's numeric MediaStatus. 1–5 mean the same everywhere; 6 is "blocklisted" in Jellyseerr and Seerr but
/// "deleted" in the Overseerr builds that have it; anything else is a value from a newer or forked server and reads
/// as unknown, never as an error.
/// </summary>
public static class SeerrMediaStatus
{
    /// <summary>Maps a status value.</summary>
    /// <param name="value">The value of <c>mediaInfo.status</c>, or null when Seerr sent no media info.</param>
    /// <param name="kind">The server kind.</param>
    /// <returns>The availability.</returns>
    public static SeerrAvailability Map(long? value, SeerrServerKind kind) => value switch
    {
        2 => SeerrAvailability.Pending,
        3 => SeerrAvailability.Processing,
        4 => SeerrAvailability.PartlyAvailable,
        5 => SeerrAvailability.Available,
        6 => kind == SeerrServerKind.Overseerr ? SeerrAvailability.Deleted : SeerrAvailability.Blocklisted,
        7 when kind != SeerrServerKind.Overseerr => SeerrAvailability.Deleted,
        _ => SeerrAvailability.Unknown,
    };

    /// <summary>Gets the words a user reads for an availability.</summary>
    /// <param name="availability">The availability.</param>
    /// <returns>The words.</returns>
    public static string Words(SeerrAvailability availability) => availability switch
    {
        SeerrAvailability.Pending => "Requested, waiting for approval",
        SeerrAvailability.Processing => "Requested, on its way",
        SeerrAvailability.PartlyAvailable => "Partly available",
        SeerrAvailability.Available => "Available",
        SeerrAvailability.Blocklisted => "Blocklisted in Seerr",
        SeerrAvailability.Deleted => "Deleted from the server",
        _ => "Not requested",
    };

    /// <summary>Tells whether a new request makes sense: nothing asked for yet, or it was deleted since.</summary>
    /// <param name="availability">The availability.</param>
    /// <returns>True when a request may be made.</returns>
    public static bool IsRequestable(SeerrAvailability availability) =>
        availability is SeerrAvailability.Unknown or SeerrAvailability.Deleted or SeerrAvailability.PartlyAvailable;
}
