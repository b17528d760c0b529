using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Secrets;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// Where and as whom a client talks to a service: the resolved base URL and credentials. Connection tests of a
/// candidate key use a target that is not saved yet.
/// </summary>
/// <param name="BaseUrl">The service base URL (settings override or the documented default).</param>
/// <param name="Credentials">The decrypted credentials.</param>
/// <param name="IsCandidate">True when testing credentials that are not saved.</param>
/// <param name="Options">Effective option values (stored value or the option's default), by option name.</param>
public sealed record IntegrationTarget(Uri BaseUrl, IntegrationCredentials Credentials, bool IsCandidate, IReadOnlyDictionary<string, string> Options);
