namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>What an embedding run did.</summary>
/// <param name="ActiveModel">The model whose vectors picks read, or null when there is no complete set.</param>
/// <param name="Embedded">How many titles were embedded in this run.</param>
/// <param name="Message">A summary for an admin.</param>
public sealed record IndexResult(string? ActiveModel, int Embedded, string Message);
