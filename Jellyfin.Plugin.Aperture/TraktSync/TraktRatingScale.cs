using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Maps Jellyfin's per-user rating to Trakt's and back. Jellyfin keeps one number per user and item,
/// <c>UserItemData.Rating</c> (0–10, null when unrated); its "like" is not stored on its own: setting
/// <c>Likes = true</c> stores rating 10, <c>Likes = false</c> stores 1, and <c>Likes</c> reads back
/// <c>Rating &gt;= 6.5</c>. Trakt keeps integers 1–10. So:
/// <list type="bullet">
/// <item>Trakt n → Jellyfin rating n (a Trakt 7–10 reads as a like in Jellyfin, 1–6 as a dislike).</item>
/// <item>Jellyfin rating r → Trakt round(r) (halves away from zero, so 6.5, Jellyfin's like threshold, becomes 7 and
/// stays a like), clamped to 1–10; a bare like is 10 and a bare dislike 1, because that is what Jellyfin stored.</item>
/// <item>Unrated ↔ no Trakt rating.</item>
/// </list>
/// The merge compares values on Trakt's scale, so a Jellyfin 7.5 pushed as 8 is not overwritten by the 8 that
/// comes back: a round trip never changes either side.
/// </summary>
public static class TraktRatingScale
{
    /// <summary>Trakt's lowest rating.</summary>
    public const int Min = 1;

    /// <summary>Trakt's highest rating.</summary>
    public const int Max = 10;

    /// <summary>
    /// Converts a Jellyfin rating (and like) to Trakt's scale.
    /// </summary>
    /// <param name="rating">Jellyfin's <c>UserItemData.Rating</c>.</param>
    /// <param name="likes">Jellyfin's <c>UserItemData.Likes</c>; used only when no rating is stored (older data).</param>
    /// <returns>The Trakt rating, or null when unrated.</returns>
    public static int? ToTrakt(double? rating, bool? likes = null)
    {
        if (rating is { } r && !double.IsNaN(r))
        {
            return (int)Math.Clamp(Math.Round(r, MidpointRounding.AwayFromZero), Min, Max);
        }

        return likes switch
        {
            true => Max,
            false => Min,
            null => null,
        };
    }

    /// <summary>
    /// Converts a Trakt rating to the value stored in Jellyfin's <c>UserItemData.Rating</c>.
    /// </summary>
    /// <param name="rating">The Trakt rating.</param>
    /// <returns>The Jellyfin rating.</returns>
    public static double ToJellyfin(int rating) => Math.Clamp(rating, Min, Max);

    /// <summary>Gets a value indicating whether a number is a valid Trakt rating.</summary>
    /// <param name="rating">The number.</param>
    /// <returns>True for 1–10.</returns>
    public static bool IsValid(long rating) => rating is >= Min and <= Max;
}
