using System;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// What a data source answered for one item: data, or why not.
/// </summary>
/// <typeparam name="T">The data type.</typeparam>
/// <param name="Outcome">The classified outcome.</param>
/// <param name="Value">The data, on success.</param>
/// <param name="Message">What happened (no secrets).</param>
/// <param name="ResetAt">When a spent quota resets, if known.</param>
public sealed record SourceResult<T>(UpstreamOutcome Outcome, T? Value, string Message, DateTimeOffset? ResetAt = null)
    where T : class;
