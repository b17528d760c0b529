using System;

namespace MediaBrowser.Controller.Entities;

/// <summary>Declaration of Jellyfin's UserItemData (subset).</summary>
public class UserItemData
{
    public const double MinLikeValue = 6.5;

    private double? _rating;

    public required string Key { get; set; }

    public double? Rating
    {
        get => _rating;
        set
        {
            if (value.HasValue && (value.Value < 0 || value.Value > 10))
            {
                throw new ArgumentOutOfRangeException(nameof(value), "A 0 to 10 rating is required for UserItemData.");
            }

            _rating = value;
        }
    }

    public long PlaybackPositionTicks { get; set; }

    public int PlayCount { get; set; }

    public bool IsFavorite { get; set; }

    public DateTime? LastPlayedDate { get; set; }

    public bool Played { get; set; }

    public int? AudioStreamIndex { get; set; }

    public int? SubtitleStreamIndex { get; set; }

    public bool? Likes
    {
        get => Rating.HasValue ? Rating.Value >= MinLikeValue : null;
        set => Rating = value.HasValue ? (value.Value ? 10 : 1) : null;
    }
}
