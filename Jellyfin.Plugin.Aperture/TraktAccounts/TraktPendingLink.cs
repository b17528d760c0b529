using System;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// A device link in progress: the code Trakt issued and when Aperture may poll next.
/// </summary>
/// <param name="Code">The device code.</param>
/// <param name="NextPollAt">The earliest time of the next poll.</param>
public sealed record TraktPendingLink(TraktDeviceCode Code, DateTimeOffset NextPollAt);
