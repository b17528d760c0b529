using System;
using System.Collections.Generic;

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
}
