using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Enriches one item: asks each configured service whose data is stale, stores what came back with a TTL, and
/// never records a failed call as done. Ratings sources are asked in the configured order and only while a
/// wanted value is still missing, so an item costs as few requests as possible.
/// </summary>
public sealed class EnrichmentEngine
{
    // Marks a state saved because an earlier source already answered; when the value is wanted again (a "What to
    // write" switch turned on) such a state does not count as fresh.
    private const string NotNeededMessage = "not needed: an earlier source answered";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly ITmdbMetadataSource _tmdb;
    private readonly IReadOnlyList<IRatingsSource> _ratings;
    private readonly EnrichmentStore _store;
    private readonly IntegrationStatusService _status;
    private readonly IPluginConfigurationStore _configuration;
    private readonly TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichmentEngine"/> class.
    /// </summary>
    /// <param name="tmdb">The TMDb source.</param>
    /// <param name="ratings">The ratings sources.</param>
    /// <param name="store">The enrichment store.</param>
    /// <param name="status">Tells which services are configured.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="time">The clock.</param>
    public EnrichmentEngine(ITmdbMetadataSource tmdb, IEnumerable<IRatingsSource> ratings, EnrichmentStore store, IntegrationStatusService status, IPluginConfigurationStore configuration, TimeProvider time)
    {
        _tmdb = tmdb;
        _ratings = ratings.ToList();
        _store = store;
        _status = status;
        _configuration = configuration;
        _time = time;
    }

    /// <summary>Gets the current enrichment settings.</summary>
    public EnrichmentSettings Settings => _configuration.Current.Enrichment ?? new EnrichmentSettings();

    /// <summary>
    /// Enriches an item from every service that has stale data for it.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="priority">The request lane.</param>
    /// <param name="cancellationToken">The cancellation token; a cancelled step saves nothing, so the item stays due.</param>
    /// <returns>One result per service considered.</returns>
    public async Task<IReadOnlyList<StepResult>> EnrichAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var settings = Settings;
        var states = _store.GetAll(item.Id);
        var results = new List<StepResult>();

        if (settings.KeywordTags || settings.Collections || settings.ExtraCrew || settings.Images)
        {
            results.Add(await StepAsync(IntegrationIds.Tmdb, item, states, ct => _tmdb.GetAsync(item, priority, ct), cancellationToken).ConfigureAwait(false));
        }

        foreach (var source in OrderedSources(item.Kind, settings))
        {
            if (!StillWanted(source, item, states, settings))
            {
                MarkNotNeeded(source.Service, item.Id, states, settings);
                continue;
            }

            var step = await StepAsync(source.Service, item, states, ct => source.GetAsync(item, priority, ct), cancellationToken).ConfigureAwait(false);
            results.Add(step);
            states = _store.GetAll(item.Id);
        }

        return results;
    }

    /// <summary>
    /// Stores a result fetched outside <see cref="EnrichAsync"/> (a batch lookup) exactly as a single fetch would.
    /// </summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="service">The integration id.</param>
    /// <param name="itemId">The item id.</param>
    /// <param name="result">The result.</param>
    /// <returns>The step result.</returns>
    public StepResult Record<T>(string service, Guid itemId, SourceResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        _store.GetAll(itemId).TryGetValue(service, out var previous);
        return Save(service, itemId, previous, result);
    }

    /// <summary>
    /// Tells whether an item is due with a service (never fetched, stale, or retry time reached).
    /// </summary>
    /// <param name="dueTimes">Due times of the service, from <see cref="EnrichmentStore.GetDueTimes"/>.</param>
    /// <param name="itemId">The item id.</param>
    /// <returns>True when due.</returns>
    public bool IsDue(IReadOnlyDictionary<Guid, DateTimeOffset> dueTimes, Guid itemId) =>
        !dueTimes.TryGetValue(itemId, out var due) || due <= _time.GetUtcNow();

    /// <summary>
    /// Tells whether any configured service would be asked about an item now (never asked, stale, or retry time
    /// reached). Reads Aperture's database only, so a library scan can ask it for every item.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <returns>True when the item is due with at least one service.</returns>
    public bool IsDueWithAnyService(LibraryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.HasAnyId)
        {
            return false;
        }

        var settings = Settings;
        var services = _ratings.Where(s => s.Covers(item.Kind)).Select(s => s.Service).ToList();
        if (settings.KeywordTags || settings.Collections || settings.ExtraCrew || settings.Images)
        {
            services.Add(IntegrationIds.Tmdb);
        }

        var states = _store.GetAll(item.Id);
        var now = _time.GetUtcNow();
        return services.Any(service => _status.IsConfigured(service)
            && (!states.TryGetValue(service, out var state) || state.NextDueAt <= now));
    }

    /// <summary>
    /// Merges what is stored for an item across services.
    /// </summary>
    /// <param name="itemId">The item id.</param>
    /// <returns>The merged data.</returns>
    public EnrichedItem GetMerged(Guid itemId)
    {
        var states = _store.GetAll(itemId);
        var settings = Settings;
        var tmdb = Payload<TmdbMetadata>(states, IntegrationIds.Tmdb);
        var ratings = CriticOrder(settings)
            .Select(service => Payload<RatingsData>(states, service))
            .OfType<RatingsData>()
            .ToList();
        var critic = ratings.FirstOrDefault(r => r.RottenTomatoesCritic is not null);
        return new EnrichedItem(
            tmdb?.Keywords ?? new List<string>(),
            tmdb?.CollectionId,
            tmdb?.CollectionName,
            tmdb?.Crew ?? new List<CrewCredit>(),
            critic?.RottenTomatoesCritic,
            critic?.Source,
            ratings.Select(r => r.RottenTomatoesAudience).FirstOrDefault(v => v is not null),
            ratings.Select(r => r.Metacritic).FirstOrDefault(v => v is not null),
            ratings.Select(r => r.Awards).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)));
    }

    private static T? Payload<T>(IReadOnlyDictionary<string, EnrichmentState> states, string service)
        where T : class =>
        states.TryGetValue(service, out var state) && state.Payload is not null
            ? JsonSerializer.Deserialize<T>(state.Payload, _json)
            : null;

    private static List<string> CriticOrder(EnrichmentSettings settings) =>
        (settings.CriticSourceOrder ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant())
            .Concat(new[] { IntegrationIds.MdbList, IntegrationIds.Omdb })
            .Distinct()
            .ToList();

    private IEnumerable<IRatingsSource> OrderedSources(MediaKind kind, EnrichmentSettings settings)
    {
        var order = CriticOrder(settings);
        return _ratings
            .Where(s => s.Covers(kind))
            .OrderBy(s => order.IndexOf(s.Service) is var i && i >= 0 ? i : int.MaxValue);
    }

    // Ask a later source only for what the earlier ones could not give (OMDb is the movie fallback and the
    // awards source), which keeps the cost per item low.
    private bool StillWanted(IRatingsSource source, LibraryItem item, IReadOnlyDictionary<string, EnrichmentState> states, EnrichmentSettings settings)
    {
        var earlier = OrderedSources(item.Kind, settings)
            .TakeWhile(s => s != source)
            .Select(s => Payload<RatingsData>(states, s.Service))
            .OfType<RatingsData>()
            .ToList();
        var wantsCritic = settings.CriticRating || settings.ScoreTags;
        var hasCritic = earlier.Any(r => r.RottenTomatoesCritic is not null);
        var wantsAwards = settings.Awards && item.Kind == MediaKind.Movie && source.Service == IntegrationIds.Omdb;
        var hasAwards = earlier.Any(r => !string.IsNullOrWhiteSpace(r.Awards));
        var isFirst = earlier.Count == 0 && OrderedSources(item.Kind, settings).FirstOrDefault() == source;
        return (isFirst && (wantsCritic || settings.ScoreTags)) || (wantsCritic && !hasCritic) || (wantsAwards && !hasAwards);
    }

    private async Task<StepResult> StepAsync<T>(
        string service,
        LibraryItem item,
        IReadOnlyDictionary<string, EnrichmentState> states,
        Func<CancellationToken, Task<SourceResult<T>>> fetch,
        CancellationToken cancellationToken)
        where T : class
    {
        if (!_status.IsConfigured(service))
        {
            return new StepResult(service, StepKind.Skipped, "not configured");
        }

        if (!item.HasAnyId)
        {
            return new StepResult(service, StepKind.Skipped, "no TMDb, IMDb or TVDB id");
        }

        states.TryGetValue(service, out var previous);
        if (previous is not null && previous.NextDueAt > _time.GetUtcNow() && previous.Message != NotNeededMessage)
        {
            return new StepResult(service, StepKind.Cached);
        }

        var result = await fetch(cancellationToken).ConfigureAwait(false);
        return Save(service, item.Id, previous, result);
    }

    private StepResult Save<T>(string service, Guid itemId, EnrichmentState? previous, SourceResult<T> result)
        where T : class
    {
        var settings = Settings;
        var now = _time.GetUtcNow();
        EnrichmentState state;
        StepResult step;
        switch (result.Outcome)
        {
            case UpstreamOutcome.Success when result.Value is not null:
                state = new EnrichmentState(itemId, service, EnrichmentStatus.Fetched, 0, now, now.AddDays(Math.Max(1, settings.FreshDays)), null, JsonSerializer.Serialize(result.Value, _json));
                step = new StepResult(service, StepKind.Fetched);
                break;
            case UpstreamOutcome.Success:
            case UpstreamOutcome.NotFound:
                state = new EnrichmentState(itemId, service, EnrichmentStatus.NotFound, 0, now, now.AddDays(Math.Max(1, settings.NotFoundDays)), "not found", previous?.Payload);
                step = new StepResult(service, StepKind.NotFound);
                break;
            case UpstreamOutcome.QuotaExhausted:
                var reset = result.ResetAt ?? NextUtcMidnight(now);
                state = new EnrichmentState(itemId, service, EnrichmentStatus.Deferred, previous?.Attempts ?? 0, previous?.FetchedAt, reset, result.Message, previous?.Payload);
                step = new StepResult(service, StepKind.Deferred, result.Message, reset);
                break;
            default:
                var attempts = (previous?.Status == EnrichmentStatus.Failed ? previous.Attempts : 0) + 1;
                var delay = TimeSpan.FromMinutes(Math.Max(1, settings.RetryMinutes) * Math.Pow(2, Math.Min(attempts - 1, 10)));
                var retryAt = now + (delay > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : delay);
                state = new EnrichmentState(itemId, service, EnrichmentStatus.Failed, attempts, previous?.FetchedAt, retryAt, $"{result.Outcome}: {result.Message}", previous?.Payload);
                step = new StepResult(service, StepKind.Failed, result.Outcome.ToString());
                break;
        }

        _store.Save(state, now);
        return step;
    }

    // An earlier source already gave what this one would: remember that for the fresh TTL, so the backfill does not
    // count the item as due again on every run. What the source gave before is kept.
    private void MarkNotNeeded(string service, Guid itemId, IReadOnlyDictionary<string, EnrichmentState> states, EnrichmentSettings settings)
    {
        var now = _time.GetUtcNow();
        states.TryGetValue(service, out var previous);
        if (!_status.IsConfigured(service) || (previous is not null && previous.NextDueAt > now))
        {
            return;
        }

        var state = new EnrichmentState(itemId, service, previous?.Payload is null ? EnrichmentStatus.NotFound : EnrichmentStatus.Fetched, 0, previous?.FetchedAt, now.AddDays(Math.Max(1, settings.FreshDays)), NotNeededMessage, previous?.Payload);
        _store.Save(state, now);
    }

    private static DateTimeOffset NextUtcMidnight(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
