using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>Trakt's rating activity from <c>/sync/last_activities</c>.</summary>
/// <param name="Mark">The movie and show <c>rated_at</c> stamps together: equal marks mean no rating changed on Trakt.</param>
/// <param name="Latest">The later of the two stamps.</param>
public sealed record TraktActivity(string Mark, DateTimeOffset? Latest);
