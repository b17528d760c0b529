using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// The rules for writing enrichment data onto a Jellyfin item. Everything here only adds or fills in: Aperture
/// complements Jellyfin's own TMDb/OMDb providers and the admin's edits, it never takes anything away.
/// </summary>
public static partial class ItemMetadataWriter
{
    /// <summary>The score tag for a movie that won at least one Academy Award.</summary>
    public const string OscarWinnerTag = "Oscar Winner";

    /// <summary>The score tag for a movie nominated for, but not winning, an Academy Award.</summary>
    public const string OscarNomineeTag = "Oscar Nominee";

    /// <summary>The score tag for a Metascore of 80 or more.</summary>
    public const string Metacritic80Tag = "Metacritic 80+";

    /// <summary>The score tag for a Rotten Tomatoes critic score of 90 or more.</summary>
    public const string RottenTomatoes90Tag = "Rotten Tomatoes 90+";

    /// <summary>The role written for a cinematographer (Jellyfin 10.11 has no person kind for one).</summary>
    public const string CinematographerRole = "Director of Photography";

    /// <summary>
    /// Writes critic rating, tags and collection onto the item in memory (the caller saves it).
    /// </summary>
    /// <param name="item">The Jellyfin item.</param>
    /// <param name="data">The merged enrichment data.</param>
    /// <param name="settings">Which fields the admin wants written.</param>
    /// <returns>What changed.</returns>
    public static MetadataWriteResult Apply(BaseItem item, EnrichedItem data, EnrichmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        var changes = new List<string>();

        // A locked item is the admin saying "leave this alone"; Jellyfin skips custom providers for it, and the
        // backfill, which writes outside Jellyfin's refresh, must honour the same promise itself.
        if (item.IsLocked)
        {
            return new MetadataWriteResult(ItemUpdateType.None, changes);
        }

        // CriticRating has no per-field lock in Jellyfin (MetadataField has no entry for it), so the item lock is
        // the only guard. The value is replaced when it differs: Aperture's source order is the admin's choice.
        if (settings.CriticRating && data.CriticRating is int critic && item.CriticRating != critic)
        {
            item.CriticRating = critic;
            changes.Add(nameof(item.CriticRating));
        }

        // Tags are a union: the admin's own tags and those Jellyfin's TMDb provider imported stay, whatever
        // Aperture would add. A locked Tags field means the list is curated by hand, so nothing is added either.
        if (!item.LockedFields.Contains(MetadataField.Tags) && AddTags(item, WantedTags(data, settings)))
        {
            changes.Add(nameof(item.Tags));
        }

        if (settings.Collections && item is Movie movie)
        {
            FillCollection(movie, data, changes);
        }

        return new MetadataWriteResult(changes.Count > 0 ? ItemUpdateType.MetadataDownload : ItemUpdateType.None, changes);
    }

    /// <summary>
    /// Adds cinematographer, composer and editor to the item's people, through Jellyfin's people store.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    /// <param name="item">The item.</param>
    /// <param name="data">The merged enrichment data.</param>
    /// <param name="settings">Which fields the admin wants written.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>True when people were added and saved.</returns>
    public static async Task<bool> MergeCrewAsync(ILibraryManager libraryManager, BaseItem item, EnrichedItem data, EnrichmentSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(libraryManager);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);

        // A locked Cast field means the admin curates the people list by hand.
        if (item.IsLocked || !settings.ExtraCrew || item.LockedFields.Contains(MetadataField.Cast) || !data.Crew.Any(c => MapCrew(c.Job) is not null))
        {
            return false;
        }

        var merged = MergeCrew(libraryManager.GetPeople(item), data.Crew);
        if (merged is null)
        {
            return false;
        }

        await libraryManager.UpdatePeopleAsync(item, merged, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Merges wanted crew into an existing people list: every existing entry is kept as it is, and a crew member
    /// is added only when no one of the same name and kind is there yet (so repeated runs add nothing).
    /// </summary>
    /// <param name="existing">The item's people.</param>
    /// <param name="crew">Crew credits from TMDb.</param>
    /// <returns>The merged list, or null when nothing is new.</returns>
    public static IReadOnlyList<PersonInfo>? MergeCrew(IReadOnlyList<PersonInfo> existing, IReadOnlyList<CrewCredit> crew)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(crew);
        var seen = new HashSet<string>(existing.Select(p => Key(p.Name, p.Type)), StringComparer.OrdinalIgnoreCase);
        var merged = existing.ToList();
        foreach (var credit in crew)
        {
            if (MapCrew(credit.Job) is not var (kind, role) || string.IsNullOrWhiteSpace(credit.Name) || !seen.Add(Key(credit.Name, kind)))
            {
                continue;
            }

            var person = new PersonInfo { Name = credit.Name.Trim(), Type = kind, Role = role };
            if (!string.IsNullOrWhiteSpace(credit.TmdbPersonId))
            {
                // Lets Jellyfin's own TMDb person provider fetch the photo and biography.
                person.SetProviderId(MetadataProvider.Tmdb, credit.TmdbPersonId);
            }

            merged.Add(person);
        }

        return merged.Count > existing.Count ? merged : null;
    }

    /// <summary>
    /// Maps a TMDb crew job to the Jellyfin person kind and role Aperture writes.
    /// </summary>
    /// <param name="job">The TMDb job.</param>
    /// <returns>The kind and role, or null for jobs Aperture does not add (Jellyfin's TMDb provider covers the rest).</returns>
    public static (PersonKind Kind, string Role)? MapCrew(string? job) => job?.Trim().ToUpperInvariant() switch
    {
        // PersonKind in 10.11 has no cinematographer; Unknown with the TMDb job as role shows up as crew.
        "DIRECTOR OF PHOTOGRAPHY" => (PersonKind.Unknown, CinematographerRole),
        "ORIGINAL MUSIC COMPOSER" or "MUSIC" => (PersonKind.Composer, "Composer"),
        "EDITOR" => (PersonKind.Editor, "Editor"),
        _ => null,
    };

    /// <summary>
    /// Lists the filter tags the scores and awards earn (used only when the admin turned score tags on).
    /// </summary>
    /// <param name="data">The merged data.</param>
    /// <returns>The tags.</returns>
    public static IReadOnlyList<string> ScoreTags(EnrichedItem data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tags = new List<string>();
        var awards = data.Awards ?? string.Empty;
        if (OscarWinRegex().IsMatch(awards))
        {
            tags.Add(OscarWinnerTag);
        }
        else if (OscarNominationRegex().IsMatch(awards))
        {
            tags.Add(OscarNomineeTag);
        }

        if (data.Metacritic >= 80)
        {
            tags.Add(Metacritic80Tag);
        }

        if (data.CriticRating >= 90)
        {
            tags.Add(RottenTomatoes90Tag);
        }

        return tags;
    }

    private static IEnumerable<string> WantedTags(EnrichedItem data, EnrichmentSettings settings)
    {
        // Jellyfin's TMDb provider imports keywords too (unless the admin excluded them there); the union below
        // makes adding them again harmless.
        var keywords = settings.KeywordTags ? data.Keywords : Array.Empty<string>();

        // Score tags are opt-in: they are opinions about the title, not metadata. Turning them off later does not
        // remove tags already written, because Aperture cannot tell them apart from tags the admin typed.
        var scores = settings.ScoreTags ? ScoreTags(data) : Array.Empty<string>();
        return keywords.Concat(scores);
    }

    /// <summary>
    /// Replaces some of an item's tags (AI mood tags): the named ones are removed, the wanted ones added as the
    /// enrichment adds its keyword tags; every other tag stays, and a locked Tags field is left alone.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="remove">The tags to remove.</param>
    /// <param name="wanted">The tags to add.</param>
    /// <returns>Whether the tags changed.</returns>
    public static bool ReplaceTags(BaseItem item, IReadOnlyCollection<string> remove, IEnumerable<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(remove);
        if (item.LockedFields.Contains(MetadataField.Tags))
        {
            return false;
        }

        var gone = new HashSet<string>(remove, StringComparer.OrdinalIgnoreCase);
        var tags = item.Tags ?? Array.Empty<string>();
        var removed = tags.Any(gone.Contains);
        if (removed)
        {
            item.Tags = tags.Where(t => !gone.Contains(t)).ToArray();
        }

        return AddTags(item, wanted) || removed;
    }

    private static bool AddTags(BaseItem item, IEnumerable<string> wanted)
    {
        var tags = item.Tags ?? Array.Empty<string>();
        var seen = new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase);
        var added = wanted
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim())
            .Where(seen.Add)
            .ToList();
        if (added.Count == 0)
        {
            return false;
        }

        item.Tags = [.. tags, .. added];
        return true;
    }

    // Fill in only what is missing: a collection Jellyfin's TMDb provider (or the admin) set stays, and a name is
    // only written beside the collection id it belongs to, so the two never disagree.
    private static void FillCollection(Movie movie, EnrichedItem data, List<string> changes)
    {
        if (string.IsNullOrWhiteSpace(data.CollectionId))
        {
            return;
        }

        var collectionId = movie.GetProviderId(MetadataProvider.TmdbCollection);
        if (collectionId is null)
        {
            movie.SetProviderId(MetadataProvider.TmdbCollection, data.CollectionId);
            collectionId = data.CollectionId;
            changes.Add(nameof(MetadataProvider.TmdbCollection));
        }

        if (string.Equals(collectionId, data.CollectionId, StringComparison.Ordinal)
            && string.IsNullOrWhiteSpace(movie.TmdbCollectionName)
            && !string.IsNullOrWhiteSpace(data.CollectionName))
        {
            movie.TmdbCollectionName = data.CollectionName;
            changes.Add(nameof(movie.TmdbCollectionName));
        }
    }

    private static string Key(string? name, PersonKind kind) =>
        (name ?? string.Empty).Trim() + "\u001f" + kind.ToString();

    // OMDb's awards text: "Won 4 Oscars. 42 wins & 51 nominations total" or "Nominated for 1 Oscar. ...".
    [GeneratedRegex(@"\bWon \d+ Oscars?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OscarWinRegex();

    [GeneratedRegex(@"\bNominated for \d+ Oscars?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OscarNominationRegex();
}
