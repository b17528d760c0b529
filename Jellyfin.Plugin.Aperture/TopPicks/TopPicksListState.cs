using System;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>What Aperture remembers about one chosen list between syncs.</summary>
/// <param name="CollectionId">The Jellyfin collection Aperture made for it, or null before the first good sync.</param>
/// <param name="LastRunAt">When it was last synced (or tried).</param>
/// <param name="LastRunOk">Whether that run kept the collection in step with the list.</param>
/// <param name="LastSummary">What that run did, in words.</param>
/// <param name="LastGoodAt">When the list was last read whole.</param>
/// <param name="ListSize">How many titles the last good read held (to estimate the next read's pages).</param>
/// <param name="Requests">The MDBList requests the last run spent on it.</param>
public sealed record TopPicksListState(Guid? CollectionId, DateTimeOffset? LastRunAt, bool? LastRunOk, string? LastSummary, DateTimeOffset? LastGoodAt, int? ListSize, int Requests);
