using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// The "Refresh AI picks" run: brings the embeddings up to date, then for every user builds their taste profile,
/// chooses their picks and writes their private "Aperture Picks" playlist. Without an AI provider (or before its
/// first complete set of embeddings) picks come from the labelled genre/keyword/people fallback. One user's failure
/// does not stop the others, and a failed refresh keeps the user's previous picks and playlist.
/// </summary>
public sealed class PicksRunner
{
    private readonly IPicksLibrary _library;
    private readonly IUserPlaylists _playlists;
    private readonly EmbeddingIndexer _indexer;
    private readonly EmbeddingStore _embeddings;
    private readonly PicksStore _store;
    private readonly ReasonWriter _reasons;
    private readonly MoodTagger _moods;
    private readonly IntegrationSettingsService _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<PicksRunner> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="PicksRunner"/> class.
    /// </summary>
    /// <param name="library">The Jellyfin side.</param>
    /// <param name="playlists">The users' playlists.</param>
    /// <param name="indexer">The embeddings indexer.</param>
    /// <param name="embeddings">The embeddings store.</param>
    /// <param name="store">The picks store.</param>
    /// <param name="reasons">The optional AI-written reasons.</param>
    /// <param name="moods">The optional AI mood tags.</param>
    /// <param name="settings">The integration settings (the picks options are the AI provider's).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public PicksRunner(
        IPicksLibrary library,
        IUserPlaylists playlists,
        EmbeddingIndexer indexer,
        EmbeddingStore embeddings,
        PicksStore store,
        ReasonWriter reasons,
        MoodTagger moods,
        IntegrationSettingsService settings,
        TimeProvider time,
        ILogger<PicksRunner> logger)
    {
        _library = library;
        _playlists = playlists;
        _indexer = indexer;
        _embeddings = embeddings;
        _store = store;
        _reasons = reasons;
        _moods = moods;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Refreshes every user's picks.
    /// </summary>
    /// <param name="progress">Progress, 0–100.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A summary for the log.</returns>
    public async Task<string> RunAllAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        // People are not part of an embedding's text; they are read only when the fallback needs them.
        var titles = _library.ReadTitles(false);
        var index = await _indexer.RunAsync(titles, cancellationToken).ConfigureAwait(false);
        progress?.Report(50);

        Dictionary<Guid, QuantizedVector> vectors;
        string source;
        if (index.ActiveModel is { } model)
        {
            (vectors, source) = (_embeddings.Load(model), "AI: " + model);
        }
        else
        {
            titles = _library.ReadTitles(true);
            (vectors, source) = (FallbackVectors.For(titles), FallbackVectors.Label);
        }

        _logger.LogInformation("AI picks: {Index} Picks from {Source}", index.Message, source);
        var moods = await _moods.RunAsync(titles, cancellationToken).ConfigureAwait(false);

        var options = PickOptions.From(_settings.GetOptions(IntegrationIds.Ai));
        var users = _library.Users();
        for (var i = 0; i < users.Count; i++)
        {
            try
            {
                await RunUserAsync(users[i], titles, vectors, source, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "AI picks failed for user {UserId}; their previous picks stay", users[i]);
            }

            progress?.Report(50 + (50.0 * (i + 1) / users.Count));
        }

        return index.Message + " Picks from " + source + "." + (moods is null ? string.Empty : " " + moods);
    }

    /// <summary>
    /// Refreshes one user's picks and playlist.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="titles">Every library title.</param>
    /// <param name="vectors">The title vectors.</param>
    /// <param name="source">What the vectors came from.</param>
    /// <param name="options">The picks settings.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The picks, or null when the user had too little history (or is gone).</returns>
    public async Task<IReadOnlyList<Pick>?> RunUserAsync(
        Guid userId,
        IReadOnlyList<PickTitle> titles,
        IReadOnlyDictionary<Guid, QuantizedVector> vectors,
        string source,
        PickOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(options);
        var now = _time.GetUtcNow();
        var previous = _store.State(userId);
        if (_library.VisibleTitles(userId) is not { } visible)
        {
            return null;
        }

        var signals = _library.Signals(userId);
        var profile = TasteProfile.Build(signals, vectors, now, out var liked);
        if (profile is null)
        {
            _store.SavePicks(userId, []);
            _store.SaveState(userId, new PicksState(
                previous?.PlaylistId,
                source,
                $"Not enough history yet: picks start once you have finished, liked or rated {TasteProfile.MinimumLiked} titles (so far {liked}).",
                now));
            return null;
        }

        var excluded = signals.Where(s => s.Seen).Select(s => s.ItemId).ToHashSet();
        excluded.UnionWith(_store.Hidden(userId));
        var candidates = titles.Where(t => visible.Contains(t.Id)).ToList();
        var picks = PickSelector.Select(profile, candidates, vectors, excluded, options);
        var likedIds = profile.Liked.Select(l => l.ItemId).ToList();
        var likedNames = likedIds.Select(id => titles.FirstOrDefault(t => t.Id == id)?.Name).OfType<string>().ToList();
        picks = await _reasons.WriteAsync(picks, likedNames, cancellationToken).ConfigureAwait(false);

        var playlistId = await WritePlaylistAsync(userId, previous?.PlaylistId, options.PlaylistName, picks, cancellationToken).ConfigureAwait(false);
        _store.SavePicks(userId, picks);
        _store.SaveState(userId, new PicksState(playlistId, source, $"{picks.Count} picks from {liked} titles you liked or finished.", now));
        return picks;
    }

    // Found again by the stored id, so a playlist the user renamed is updated, not doubled; a deleted one is made anew.
    private async Task<Guid> WritePlaylistAsync(Guid userId, Guid? known, string name, IReadOnlyList<Pick> picks, CancellationToken cancellationToken)
    {
        var ids = picks.Select(p => p.ItemId).ToList();
        if (known is { } id && await _playlists.ReadAsync(userId, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            await _playlists.SetItemsAsync(userId, id, ids, cancellationToken).ConfigureAwait(false);
            return id;
        }

        return await _playlists.CreateAsync(userId, name, ids, cancellationToken).ConfigureAwait(false);
    }
}
