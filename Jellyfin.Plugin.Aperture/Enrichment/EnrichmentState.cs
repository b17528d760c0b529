using System;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// One item's state with one service, as stored.
/// </summary>
/// <param name="ItemId">The Jellyfin item id.</param>
/// <param name="Service">The integration id.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Failed attempts since the last success.</param>
/// <param name="FetchedAt">When data was last fetched.</param>
/// <param name="NextDueAt">When the item is due again with this service.</param>
/// <param name="Message">Why it failed or was deferred.</param>
/// <param name="Payload">The fetched data as JSON (kept across failures, so a failed refresh loses nothing).</param>
public sealed record EnrichmentState(
    Guid ItemId,
    string Service,
    EnrichmentStatus Status,
    int Attempts,
    DateTimeOffset? FetchedAt,
    DateTimeOffset NextDueAt,
    string? Message,
    string? Payload);
