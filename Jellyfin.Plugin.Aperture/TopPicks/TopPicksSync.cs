using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.Integrations.MdbList;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// Keeps each chosen MDBList list's Jellyfin collection in step with the list. Safety first: only a complete read
/// changes a collection; a failed, partial, or suddenly empty read leaves it exactly as it was and opens a Top Picks
/// alert, which closes on the next run where every list synced.
/// </summary>
public sealed class TopPicksSync : IDisposable
{
    /// <summary>The alert "service" Top Picks alerts are filed under (apart from MDBList's own, which recover on any call).</summary>
    public const string AlertService = "toppicks";

    /// <summary>How long a library scan that the first collection starts takes to show as running.</summary>
    internal static readonly TimeSpan ScanStartGrace = TimeSpan.FromSeconds(2);

    /// <summary>How often a running scan is checked.</summary>
    internal static readonly TimeSpan ScanPoll = TimeSpan.FromSeconds(1);

    /// <summary>The longest Top Picks waits for a scan before it changes a collection anyway.</summary>
    internal static readonly TimeSpan LongestScanWait = TimeSpan.FromMinutes(10);

    private readonly TopPicksStore _store;
    private readonly MdbListListsClient _client;
    private readonly ITopPicksLibrary _library;
    private readonly ITopPicksCollections _collections;
    private readonly MissingTitleStore _missing;
    private readonly TopPicksAlerts _alerts;
    private readonly MdbListAccount _account;
    private readonly IUpstreamBudgetMonitor _budget;
    private readonly StoredTargets _targets;
    private readonly TimeProvider _time;
    private readonly ILibraryScanState _scan;
    private readonly ILogger<TopPicksSync> _logger;
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>
    /// Initializes a new instance of the <see cref="TopPicksSync"/> class.
    /// </summary>
    /// <param name="store">Top Picks' tables.</param>
    /// <param name="client">MDBList's list endpoints.</param>
    /// <param name="library">The library's items.</param>
    /// <param name="collections">Jellyfin's collections.</param>
    /// <param name="missing">The missing-title store Discovery reads.</param>
    /// <param name="alerts">Top Picks' alerts.</param>
    /// <param name="pipeline">The upstream pipeline (for the account check).</param>
    /// <param name="quota">Receives the account's daily allowance.</param>
    /// <param name="budget">Tells whether MDBList is parked and how much of today's quota is left.</param>
    /// <param name="targets">MDBList's saved key.</param>
    /// <param name="time">The clock.</param>
    /// <param name="scan">Whether Jellyfin is scanning the library (collections are changed only between scans).</param>
    /// <param name="logger">The logger.</param>
    public TopPicksSync(
        TopPicksStore store,
        MdbListListsClient client,
        ITopPicksLibrary library,
        ITopPicksCollections collections,
        MissingTitleStore missing,
        TopPicksAlerts alerts,
        IUpstreamPipeline pipeline,
        IUpstreamQuotaReporter quota,
        IUpstreamBudgetMonitor budget,
        StoredTargets targets,
        TimeProvider time,
        ILibraryScanState scan,
        ILogger<TopPicksSync> logger)
    {
        _scan = scan;
        _store = store;
        _client = client;
        _library = library;
        _collections = collections;
        _missing = missing;
        _alerts = alerts;
        _account = new MdbListAccount(pipeline, quota, time);
        _budget = budget;
        _targets = targets;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Syncs every chosen list; one at a time, and never two runs at once.
    /// </summary>
    /// <param name="progress">Progress, 0–100.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What the run did.</returns>
    public async Task<TopPicksRunReport> RunAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var report = await RunOnceAsync(progress, cancellationToken).ConfigureAwait(false);
            foreach (var list in report.Lists)
            {
                _logger.LogInformation("Top Picks {List}: {Summary}", list.Name, list.Summary);
            }

            if (report.Skipped is not null)
            {
                _logger.LogInformation("Top Picks sync skipped: {Reason}", report.Skipped);
            }

            progress?.Report(100);
            return report;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _running.Dispose();

    /// <summary>
    /// Reads a list whole and matches it against the library without changing anything.
    /// </summary>
    /// <param name="choice">The list and its options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The preview, or the failure in words.</returns>
    public async Task<(TopPicksPreview? Preview, string? Error)> PreviewAsync(TopPicksListChoice choice, CancellationToken cancellationToken)
    {
        var read = await _client.ReadItemsAsync(choice, RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        if (!read.IsComplete)
        {
            return (null, read.Reason);
        }

        var plan = TopPicksPlanner.Plan(choice, read.Items, _library.ReadAll(), Array.Empty<Guid>(), new HashSet<Guid>());
        var members = Math.Min(plan.InLibrary, choice.MaxItems);
        return (new TopPicksPreview(read.Items.Count, plan.InLibrary, members, plan.Missing.Take(20).ToList(), plan.Missing.Count, read.Requests), null);
    }

    private async Task<TopPicksRunReport> RunOnceAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var choices = _store.ListChoices();
        if (choices.Count == 0)
        {
            return new TopPicksRunReport([], "No MDBList lists are chosen for Top Picks.", 0);
        }

        if (_targets.Get(IntegrationIds.MdbList, "apiKey", out var key) is not { } target)
        {
            return new TopPicksRunReport([], "MDBList is not set up: save its API key on the Aperture settings page.", 0);
        }

        if (Parked() is { } parked)
        {
            return Deferred(choices, parked, 0);
        }

        // The account's allowance and today's use, so the pipeline parks MDBList before MDBList refuses.
        var requests = 1;
        await _account.ReadAsync(target, key, cancellationToken).ConfigureAwait(false);
        if (Parked() is { } spent)
        {
            return Deferred(choices, spent, requests);
        }

        var library = _library.ReadAll();
        var results = new List<TopPicksListResult>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var state = _store.GetState(choice.ListId);
            var pages = Math.Clamp(((state.ListSize ?? 0) + MdbListListsClient.PageSize - 1) / MdbListListsClient.PageSize, 1, MdbListListsClient.MaxPages);
            if (Parked() is { } reset || Remaining() < pages)
            {
                var until = Parked() ?? Integrations.Common.UtcDay.NextMidnight(_time.GetUtcNow());
                results.AddRange(choices.Skip(i).Select(c => Defer(c, until)));
                break;
            }

            var result = await SyncOneAsync(choice, state, library, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            requests += result.Requests;
            progress?.Report(100.0 * (i + 1) / choices.Count);
        }

        if (results.All(r => r.Synced))
        {
            _alerts.Recovered();
        }

        return new TopPicksRunReport(results, null, requests);
    }

    // One list's failure inside Jellyfin (an item or the collection gone mid-change) must not stop the other lists.
    private async Task<TopPicksListResult> SyncOneAsync(TopPicksListChoice choice, TopPicksListState state, IReadOnlyList<LibraryItem> library, CancellationToken cancellationToken)
    {
        try
        {
            return await SyncListAsync(choice, state, library, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Reported on the list and in the log; the next run tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Top Picks could not update the collection of list {List}", choice.Name);
            var message = "Jellyfin could not update the collection (" + ex.Message + "); the next run tries again.";
            _store.RecordKept(choice.ListId, 0, message, _time.GetUtcNow());
            return new TopPicksListResult(choice.ListId, choice.Name, false, 0, 0, 0, 0, message);
        }
    }

    private async Task<TopPicksListResult> SyncListAsync(TopPicksListChoice choice, TopPicksListState state, IReadOnlyList<LibraryItem> library, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var read = await _client.ReadItemsAsync(choice, RequestPriority.Background, cancellationToken).ConfigureAwait(false);
        if (!read.IsComplete)
        {
            return Keep(choice, read.Requests, Kind(read.Failure!.Value), $"MDBList could not send list {choice.Name} whole ({read.Reason}); its collection stays as it was.", read.ResetAt);
        }

        // The members are read once a running scan has ended, so what the plan starts from is what it changes.
        await WaitForScanAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        var added = _store.GetAddedMembers(choice.ListId);
        var members = state.CollectionId is { } existing ? _collections.GetMembers(existing) : null;

        // Empty after a good read that had titles is more likely a broken answer than a list emptied overnight.
        var stillOurs = members?.Count(added.Contains) ?? 0;
        if (read.Items.Count == 0 && (stillOurs > 0 || state.ListSize > 0))
        {
            return Keep(choice, read.Requests, AlertKind.BadResponse, $"MDBList sent list {choice.Name} with no titles, while the last good sync had {state.ListSize ?? stillOurs} (and its collection {stillOurs} of them); the collection stays as it was, and so do its missing titles. If the list really is empty now, remove it from Top Picks.", null);
        }

        var plan = TopPicksPlanner.Plan(choice, read.Items, library, members ?? [], added);
        var collectionId = members is null ? null : state.CollectionId;
        var name = _store.GetNamePattern().Replace("{list}", choice.Name, StringComparison.Ordinal);
        if (collectionId is null && plan.Wanted.Count > 0)
        {
            // First sync, or the admin deleted the collection: make it again. The first collection on a server makes
            // Jellyfin add its Collections library and scan, and that scan (seen on 12.0) rewrites the new
            // collection's members with what it loaded before they were added: let it start, and end, first.
            collectionId = await _collections.CreateAsync(name, cancellationToken).ConfigureAwait(false);
            _store.SetCollection(choice.ListId, collectionId.Value);
            plan = TopPicksPlanner.Plan(choice, read.Items, library, [], new HashSet<Guid>());
            await WaitForScanAsync(ScanStartGrace, cancellationToken).ConfigureAwait(false);
        }

        if (collectionId is { } id)
        {
            await _collections.ApplyAsync(id, name, plan.ToAdd, plan.ToRemove, plan.Order, cancellationToken).ConfigureAwait(false);
        }

        _missing.Replace(MissingTitleSources.MdbList, choice.ListId, null, plan.Missing, now);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{plan.Wanted.Count} from the list in the collection (+{plan.ToAdd.Count} added, −{plan.ToRemove.Count} removed), {plan.Missing.Count} missing from the library, {read.Requests} MDBList request{(read.Requests == 1 ? string.Empty : "s")}.");
        _store.RecordGood(choice.ListId, collectionId, plan.Wanted, read.Items.Count, read.Requests, summary, now);
        return new TopPicksListResult(choice.ListId, choice.Name, true, plan.ToAdd.Count, plan.ToRemove.Count, plan.Missing.Count, read.Requests, summary);
    }

    private TopPicksListResult Keep(TopPicksListChoice choice, int requests, AlertKind kind, string message, DateTimeOffset? resetAt)
    {
        var now = _time.GetUtcNow();
        _store.RecordKept(choice.ListId, requests, message, now);
        _alerts.Open(kind, message, "Top Picks tries again at its next run; nothing is removed until MDBList sends the whole list.", resetAt);
        return new TopPicksListResult(choice.ListId, choice.Name, false, 0, 0, 0, requests, message);
    }

    private TopPicksListResult Defer(TopPicksListChoice choice, DateTimeOffset until)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"Deferred: MDBList's daily request quota is spent; Top Picks waits until {until:yyyy-MM-dd HH:mm} UTC and the collection stays as it was.");
        var now = _time.GetUtcNow();
        _store.RecordKept(choice.ListId, 0, message, now);
        _alerts.Open(AlertKind.Quota, $"List {choice.Name}: {message}", "Nothing to do: the next run after the reset syncs it. A supporter tier on MDBList raises the daily quota.", until);
        return new TopPicksListResult(choice.ListId, choice.Name, false, 0, 0, 0, 0, message);
    }

    private TopPicksRunReport Deferred(IReadOnlyList<TopPicksListChoice> choices, DateTimeOffset until, int requests)
    {
        var lists = choices.Select(c => Defer(c, until)).ToList();
        return new TopPicksRunReport(lists, lists[0].Summary, requests);
    }

    // Jellyfin's scan rewrites collections it validates; a change made meanwhile can be lost, so Top Picks changes a
    // collection only between scans. A scan that outlasts the wait is not waited for further: the next run repairs.
    private async Task WaitForScanAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        if (grace > TimeSpan.Zero)
        {
            await Task.Delay(grace, _time, cancellationToken).ConfigureAwait(false);
        }

        var waited = TimeSpan.Zero;
        while (_scan.IsScanRunning && waited < LongestScanWait)
        {
            if (waited == TimeSpan.Zero)
            {
                _logger.LogInformation("Top Picks waits for Jellyfin's library scan to finish before changing a collection");
            }

            await Task.Delay(ScanPoll, _time, cancellationToken).ConfigureAwait(false);
            waited += ScanPoll;
        }
    }

    private DateTimeOffset? Parked() =>
        _budget.GetSnapshot(IntegrationIds.MdbList).ParkedUntil is { } until && until > _time.GetUtcNow() ? until : null;

    private int Remaining()
    {
        var snapshot = _budget.GetSnapshot(IntegrationIds.MdbList);
        return snapshot.DailyQuota is { } quota ? quota - snapshot.UsedToday : int.MaxValue;
    }

    private static AlertKind Kind(UpstreamOutcome outcome) => outcome switch
    {
        UpstreamOutcome.Authentication => AlertKind.Authentication,
        UpstreamOutcome.RateLimited => AlertKind.RateLimit,
        UpstreamOutcome.QuotaExhausted => AlertKind.Quota,
        UpstreamOutcome.Outage => AlertKind.Outage,
        _ => AlertKind.BadResponse,
    };
}
