using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// The Jellyfin side of AI picks, as plain records: the library's titles, the users, what each user may see and
/// what each user did.
/// </summary>
public interface IPicksLibrary
{
    /// <summary>
    /// Reads every real movie and series in every library.
    /// </summary>
    /// <param name="withPeople">Whether to read each title's people too (one more query per title; only the fallback uses them).</param>
    /// <returns>The titles.</returns>
    IReadOnlyList<PickTitle> ReadTitles(bool withPeople);

    /// <summary>
    /// Lists the Jellyfin users.
    /// </summary>
    /// <returns>Their ids.</returns>
    IReadOnlyList<Guid> Users();

    /// <summary>
    /// Lists the movies and series one user may see: Jellyfin's own per-user query, so library access and parental
    /// limits apply.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>The ids, or null when the user is gone.</returns>
    IReadOnlySet<Guid>? VisibleTitles(Guid userId);

    /// <summary>
    /// Reads what one user did with the movies and series they may see.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>One signal per title with any user data.</returns>
    IReadOnlyList<UserSignal> Signals(Guid userId);

    /// <summary>
    /// Replaces some of an item's tags (AI mood tags): removes <paramref name="remove"/>, adds <paramref name="add"/>,
    /// keeps every other tag, and writes nothing when the item's Tags field is locked.
    /// </summary>
    /// <param name="itemId">The item.</param>
    /// <param name="remove">The tags to remove (the moods written before).</param>
    /// <param name="add">The tags to add.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>False when the item is gone or its tags are locked.</returns>
    Task<bool> ReplaceTagsAsync(Guid itemId, IReadOnlyCollection<string> remove, IReadOnlyCollection<string> add, CancellationToken cancellationToken);
}
