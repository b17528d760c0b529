using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>What one Top Picks sync did.</summary>
/// <param name="Lists">The result per chosen list, in order.</param>
/// <param name="Skipped">Why the whole run was skipped (no key, daily quota spent), or null.</param>
/// <param name="Requests">Every MDBList request the run spent, the account check included.</param>
public sealed record TopPicksRunReport(IReadOnlyList<TopPicksListResult> Lists, string? Skipped, int Requests);
